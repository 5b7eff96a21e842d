using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Core.Pipeline;
using Aura.Core.Storage;
using Aura.Core.Storage.Redis;
using Aura.Tests.Support;
using static Aura.Tests.Jobs.Redis.RedisQueueNodes;

namespace Aura.Tests.Jobs.Redis;

/// <summary>
/// Runs on two nodes sharing one Redis (store and queue), as the workers make them: a worker whose lease
/// runs out stops and writes nothing more (fencing), and the other node runs the job as its next attempt.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class RedisLeaseRunTests(RedisFixture redis) : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task A_write_for_a_claim_that_is_no_longer_the_jobs_is_refused_and_a_users_write_is_not()
    {
        await using var nodes = await StartAsync(redis);
        var store = new RedisJobStore(nodes.First, nodes.Prefix);
        var job = await store.SaveAsync(TestJobs.New().Running() with { JobId = "j1" }, 0, None);
        await AddAsync(nodes.A, "j1");
        var stale = (await nodes.A.TryClaimAsync(None))!;
        await nodes.A.CompleteAsync(stale, JobClaimEnd.Interrupted, None);
        var current = (await nodes.B.TryClaimAsync(None))!;

        var refused = await Assert.ThrowsAsync<StaleClaimException>(() =>
            store.SaveAsync(job with { Percent = 40 }, job.Version, stale.Token, None));
        var lastAfterRefusal = await store.GetLastVersionAsync(None);
        var byCurrent = await store.SaveAsync(job with { Percent = 50 }, job.Version, current.Token, None);
        var byUser = await store.SaveAsync(byCurrent with { Percent = 60 }, byCurrent.Version, None);

        Assert.Equal("j1", refused.JobId);
        Assert.Equal(job.Version, lastAfterRefusal); // nothing written, no number used
        Assert.Equal(60, (await store.GetAsync("j1", None))!.Percent);
        Assert.Equal(byUser.Version, (await store.GetAsync("j1", None))!.Version);
    }

    [Fact]
    public async Task A_worker_whose_lease_ran_out_stops_writing_and_the_other_node_resumes_the_job_as_its_next_attempt()
    {
        var (job, lostRun) = await RunWithFirstWorkerFrozenAsync(maxAttempts: 2);

        Assert.Equal(JobStatus.Succeeded, job.Status);
        Assert.Equal(2, job.Attempt);
        Assert.Equal(job.Version, lostRun.VersionAfterItStopped);
        Assert.DoesNotContain(JobStage.Rendering, lostRun.Entered);
    }

    [Fact]
    public async Task A_job_whose_lease_ran_out_past_max_attempts_fails_E308_on_the_other_node()
    {
        var (job, _) = await RunWithFirstWorkerFrozenAsync(maxAttempts: 1);

        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Equal(ErrorCodes.Interrupted, job.Failure!.Code);
        // The service never stopped here: the message must not claim it did, and must name the lost worker.
        Assert.Contains("its worker was lost", job.Failure.Message, StringComparison.Ordinal);
        Assert.Equal(1, job.Attempt);
    }

    /// <summary>
    /// Node A's worker starts the job and is held before Rendering; A's renewals stop (a frozen worker), its
    /// lease runs out, node B reaps it and runs the job. Then A's hold is released: a run that did not stop
    /// would go on and write. Returns the job at its end and what A did.
    /// </summary>
    private async Task<(JobSnapshot Job, (long VersionAfterItStopped, List<JobStage> Entered) LostRun)> RunWithFirstWorkerFrozenAsync(int maxAttempts)
    {
        await using var nodes = await StartAsync(redis, maxAttempts: maxAttempts);
        var options = new JobRunnerOptions
        {
            LogsFolder = _folder.Combine("logs"), Workers = 1, QueueCapacity = 10, MaxAttempts = maxAttempts, LeaseTimeout = nodes.Options.LeaseTimeout,
        };
        var files = new JobFiles(_folder.Combine("data"), options.LogsFolder);
        var frozen = new FakeOrchestrator().HoldBefore(JobStage.Rendering);
        var a = new InProcessJobs(new RedisJobStore(nodes.First, nodes.Prefix), frozen, files, options, queue: nodes.A);
        var b = new InProcessJobs(new RedisJobStore(nodes.Second, nodes.Prefix), new FakeOrchestrator(), files, options, queue: nodes.B);
        using var stopA = new CancellationTokenSource();
        using var stopB = new CancellationTokenSource();
        var workersA = a.Workers.RunAsync(stopA.Token);

        var created = await a.Commands.CreateAsync(JobRequest.ForTopic("Tides"), "c", None);
        await frozen.Started.WaitAsync(Patience);
        await Eventually.TrueAsync(() => frozen.Entered.Contains(JobStage.Compose));
        nodes.A.Dispose(); // A's renewals stop and it claims nothing more: its lease runs out while its run waits
        var workersB = b.Workers.RunAsync(stopB.Token);
        // A's worker sees its claim lost and gives it back as Interrupted, or (frozen for good) the reaper
        // puts the job back: either way B's worker takes it next.
        var reaping = ReapUntilAsync(nodes, stopB.Token);
        var ended = await b.EndOfAsync(created.JobId, Patience);

        frozen.Release(JobStage.Rendering);
        await stopA.CancelAsync();
        await workersA.WaitAsync(Patience);
        var afterA = (await b.Store.GetAsync(created.JobId, None))!.Version;
        await stopB.CancelAsync();
        await workersB.WaitAsync(Patience);
        await reaping.WaitAsync(Patience);
        List<JobStage> entered;
        lock (frozen.Entered)
            entered = [.. frozen.Entered];
        return (ended, (afterA, entered));
    }

    /// <summary>What <c>RedisLeaseReaperService</c> does on every node: a reaper pass every half lease, here from node B.</summary>
    private static async Task ReapUntilAsync(RedisQueueNodes nodes, CancellationToken stop)
    {
        var reaper = nodes.Reaper(nodes.Second);
        while (!stop.IsCancellationRequested)
        {
            await reaper.TryReapAsync();
            await Task.Delay(nodes.Options.LeaseTimeout / 2, CancellationToken.None);
        }
    }

    public void Dispose() => _folder.Dispose();
}
