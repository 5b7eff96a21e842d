using System.Collections.Concurrent;
using Aura.Core.Kernel;
using Aura.Core.Storage.Redis;
using StackExchange.Redis;
using static Aura.Tests.Storage.StoredJobs;

namespace Aura.Tests.Storage;

/// <summary>
/// The global sequence on Redis with several writers, as several nodes make them: each on its own
/// connection, all at once, while a reader follows the all-jobs stream's cursor.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class RedisSequenceTests(RedisFixture redis)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Writers_on_two_connections_never_share_a_number_and_a_reader_following_changed_after_never_skips_one()
    {
        const int writersPerNode = 6, jobsPerWriter = 8, savesPerJob = 6;
        var prefix = RedisFixture.NewPrefix();
        await using var otherNode = await ConnectionMultiplexer.ConnectAsync(redis.Server.Configuration);
        RedisJobStore[] nodes = [new(redis.Connection, prefix), new(otherNode, prefix)];
        var issued = new ConcurrentBag<(string JobId, long Version)>();
        using var writing = new CancellationTokenSource();

        var reader = Task.Run(async () =>
        {
            // What the all-jobs stream does: read what changed after its cursor, move the cursor to the last one read.
            var seen = new List<(string JobId, long Version)>();
            long cursor = 0;
            while (true)
            {
                var done = writing.IsCancellationRequested; // read once more after the writers finished
                var batch = await nodes[0].ListChangedAfterAsync(cursor, 7, None);
                foreach (var job in batch)
                {
                    Assert.True(job.Version > cursor, $"version {job.Version} came after cursor {cursor}");
                    cursor = job.Version;
                    seen.Add((job.JobId, job.Version));
                }
                if (done && batch.Count == 0)
                    return seen;
            }
        });

        await Task.WhenAll(nodes.SelectMany((store, node) => Enumerable.Range(0, writersPerNode).Select(w => Task.Run(async () =>
        {
            for (var j = 0; j < jobsPerWriter; j++)
            {
                var job = await store.AddAsync($"n{node}-w{w}-j{j}");
                issued.Add((job.JobId, job.Version));
                for (var s = 1; s < savesPerJob; s++)
                {
                    job = await store.NextAsync(job, x => x with { Percent = x.Percent + 1 });
                    issued.Add((job.JobId, job.Version));
                }
            }
        }))));
        await writing.CancelAsync();
        var seen = await reader;

        var total = 2 * writersPerNode * jobsPerWriter * savesPerJob;
        Assert.Equal(Enumerable.Range(1, total).Select(i => (long)i), issued.Select(i => i.Version).Order());
        Assert.Equal(total, await nodes[1].GetLastVersionAsync(None));
        // Never skipped: for every number issued, the reader saw its job at that number or a later one.
        var newestSeen = seen.GroupBy(s => s.JobId).ToDictionary(g => g.Key, g => g.Max(s => s.Version));
        Assert.All(issued, i => Assert.True(newestSeen.GetValueOrDefault(i.JobId) >= i.Version,
            $"{i.JobId} was given {i.Version}, but the reader's newest of it is {newestSeen.GetValueOrDefault(i.JobId)}"));
        Assert.Equal(issued.GroupBy(i => i.JobId).Select(g => (g.Key, g.Max(i => i.Version))).Order(),
            newestSeen.Select(s => (s.Key, s.Value)).Order());
    }

    [Fact]
    public async Task Every_change_is_published_with_its_version_and_job_id_on_the_changes_channel()
    {
        var store = redis.NewStore();
        var received = new ConcurrentQueue<string>();
        var subscriber = redis.Connection.GetSubscriber();
        // The queue form hands messages over one at a time, in the order Redis sent them (handlers
        // given to SubscribeAsync directly may run concurrently, so out of order).
        var messages = await subscriber.SubscribeAsync(store.ChangesChannel);
        messages.OnMessage(message => received.Enqueue(message.Message!));
        try
        {
            var a = await store.AddAsync("a");
            await store.NextAsync(a, j => j with { Percent = 3 });
            await store.DeleteAsync("a", T0, None);

            await Eventually.TrueAsync(() => received.Count == 3, because: "three changes were published");
            Assert.Equal(["1 a", "2 a", "3 a"], received);
        }
        finally
        {
            await messages.UnsubscribeAsync();
        }
    }

    [Fact]
    public async Task All_keys_share_the_prefix_and_one_hash_slot()
    {
        var prefix = RedisFixture.NewPrefix();
        var store = new RedisJobStore(redis.Connection, prefix);
        var a = await store.AddAsync("a");
        await store.NextAsync(a, j => Ended(j, JobStatus.Succeeded, T0.AddMinutes(1)));
        await store.ClaimIdempotencyKeyAsync(new Core.Storage.IdempotencyKey("k", "h", "a", T0.AddHours(1)), T0, None);
        await store.AddAsync("b");
        await store.DeleteAsync("b", T0, None);

        var server = redis.Connection.GetServers()[0];
        var keys = server.Keys(pattern: prefix + "*").Select(k => (string)k!).ToList();

        Assert.True(keys.Count >= 10, string.Join(", ", keys));
        Assert.All(keys, k => Assert.StartsWith(prefix + "{aura}:", k, StringComparison.Ordinal));
        Assert.Single(keys.Select(k => redis.Connection.HashSlot(k)).Distinct());
    }
}
