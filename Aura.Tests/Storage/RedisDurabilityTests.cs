using System.Collections.Concurrent;
using Aura.Core.Kernel;
using Aura.Core.Storage;
using Aura.Core.Storage.Redis;
using static Aura.Tests.Storage.StoredJobs;

namespace Aura.Tests.Storage;

/// <summary>Redis killed (-9) under writes and restarted from its AOF, with the settings the README gives operators.</summary>
public sealed class RedisDurabilityTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task After_a_kill_9_and_a_restart_with_aof_no_number_is_issued_twice_and_no_acknowledged_job_is_lost()
    {
        await using var server = await RedisServer.StartDurableAsync();
        using var connection = RedisConnection.Connect(new RedisOptions { Configuration = server.Configuration });
        var store = new RedisJobStore(connection);
        var acknowledged = new ConcurrentBag<(JobSnapshot Job, bool BeforeKill)>();
        var startedAfterRestart = new ConcurrentBag<long>();
        var unavailable = 0;
        var (killed, restarted) = (false, false);
        using var stop = new CancellationTokenSource();

        async Task WriteAsync(int writer)
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                JobSnapshot? job = null;
                for (var save = 0; save < 3; save++)
                {
                    var sentAfterRestart = Volatile.Read(ref restarted);
                    try
                    {
                        job = job is null ? await store.AddAsync($"w{writer}-{n}") : await store.NextAsync(job, j => j with { Percent = j.Percent + 1 });
                        acknowledged.Add((job, !Volatile.Read(ref killed)));
                        if (sentAfterRestart)
                            startedAfterRestart.Add(job.Version);
                    }
                    catch (StoreUnavailableException)
                    {
                        Interlocked.Increment(ref unavailable);
                        await Task.Delay(50, None);
                        // The answer was lost, not necessarily the write: carry on from what the store holds.
                        job = await ReadBackAsync(store, $"w{writer}-{n}");
                    }
                }
            }
        }

        var writers = Enumerable.Range(0, 3).Select(w => Task.Run(() => WriteAsync(w))).ToArray();
        await Eventually.TrueAsync(() => acknowledged.Count >= 30, because: "writes were acknowledged before the kill");
        Volatile.Write(ref killed, true);
        server.Kill();
        await Eventually.TrueAsync(() => Volatile.Read(ref unavailable) >= 3, because: "writers saw the store unavailable");
        Volatile.Write(ref restarted, true);
        await server.RestartAsync();
        await Eventually.TrueAsync(() => startedAfterRestart.Count >= 30, because: "writes were acknowledged after the restart");
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        var versions = acknowledged.Select(a => a.Job.Version).ToList();
        Assert.Equal(versions.Count, versions.Distinct().Count());
        var newestBeforeKill = acknowledged.Where(a => a.BeforeKill).Max(a => a.Job.Version);
        Assert.All(startedAfterRestart, v => Assert.True(v > newestBeforeKill, $"{v} was issued again after the restart (before the kill: up to {newestBeforeKill})"));
        foreach (var (job, _) in acknowledged)
        {
            AssertSameJob(job, await store.GetAsOfAsync(job.JobId, job.Version, None));
            Assert.True((await store.GetAsync(job.JobId, None))!.Version >= job.Version);
        }
        Assert.True(await store.GetLastVersionAsync(None) >= versions.Max());
    }

    /// <summary>The job as stored, once the store answers again (the multiplexer reconnects by itself).</summary>
    private static async Task<JobSnapshot?> ReadBackAsync(RedisJobStore store, string jobId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try
            {
                return await store.GetAsync(jobId, None);
            }
            catch (StoreUnavailableException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50, None);
            }
        }
    }
}
