using Aura.Core.Jobs;
using Aura.Core.Jobs.Redis;
using Aura.Core.Storage.Redis;
using Aura.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Aura.Tests.Cluster;

/// <summary>
/// The change signal crosses nodes: a change one node keeps in Redis wakes what waits for it on another,
/// each node on its own connection, as two machines are.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class RedisChangeBusTests(RedisFixture redis)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_change_kept_on_one_node_wakes_the_waiters_of_that_job_and_of_any_job_on_another()
    {
        var prefix = RedisFixture.NewPrefix();
        var writer = new RedisJobStore(redis.Connection, prefix);
        await using var otherNode = await ConnectionMultiplexer.ConnectAsync(redis.Server.Configuration);
        var signal = new JobChangeSignal();
        var subscriber = new RedisChangeSubscriber(otherNode, new RedisChannels(new RedisKeys(prefix)), signal, NullLogger<RedisChangeSubscriber>.Instance);
        await subscriber.StartAsync(CancellationToken.None);
        var job = TestJobs.New() with { JobId = Guid.NewGuid().ToString("N") };

        var created = signal.NextChange(job.JobId);
        var anyCreated = signal.NextChangeOfAnyJob();
        var saved = await writer.SaveAsync(job, 0, CancellationToken.None);
        await created.WaitAsync(Patience);
        await anyCreated.WaitAsync(Patience);
        var started = signal.NextChange(job.JobId);
        await writer.SaveAsync(saved.Running(), saved.Version, CancellationToken.None);
        await started.WaitAsync(Patience);
        var deleted = signal.NextChange(job.JobId);
        await writer.DeleteAsync(job.JobId, TestJobs.T0, CancellationToken.None);
        await deleted.WaitAsync(Patience);
        await subscriber.StopAsync(CancellationToken.None);

        Assert.True(created.IsCompletedSuccessfully && started.IsCompletedSuccessfully && deleted.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task A_change_of_another_prefix_wakes_nothing_here()
    {
        var prefix = RedisFixture.NewPrefix();
        var otherService = new RedisJobStore(redis.Connection, RedisFixture.NewPrefix());
        var signal = new JobChangeSignal();
        var subscriber = new RedisChangeSubscriber(redis.Connection, new RedisChannels(new RedisKeys(prefix)), signal, NullLogger<RedisChangeSubscriber>.Instance);
        await subscriber.StartAsync(CancellationToken.None);
        var mine = new RedisJobStore(redis.Connection, prefix);
        var job = TestJobs.New() with { JobId = Guid.NewGuid().ToString("N") };
        var mark = TestJobs.New() with { JobId = Guid.NewGuid().ToString("N") };

        var other = signal.NextChange(job.JobId);
        var ours = signal.NextChange(mark.JobId);
        await otherService.SaveAsync(job, 0, CancellationToken.None);
        await mine.SaveAsync(mark, 0, CancellationToken.None);
        await ours.WaitAsync(Patience);
        await subscriber.StopAsync(CancellationToken.None);

        // Messages of one channel arrive in order: ours arrived, so the other service's came before it, if at all here.
        Assert.False(other.IsCompleted);
    }

    [Fact]
    public void Publishing_on_the_redis_bus_adds_no_message_of_its_own_the_store_published_the_change_already()
    {
        var signal = new JobChangeSignal();
        var woke = signal.NextChange("job");

        new RedisJobChangeBus().Publish("job");

        Assert.False(woke.IsCompleted);
    }
}
