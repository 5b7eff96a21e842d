using System.Collections.Concurrent;
using Aura.Core.Jobs;
using Aura.Core.Kernel;

namespace Aura.Tests.Jobs;

/// <summary>The jobs service's two seams for a shared implementation: the queue (with its claims) and the change bus.</summary>
public sealed class JobRunnerSeamTests : JobRunnerHarness
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Every_change_the_runner_keeps_is_published_on_the_bus_it_is_given_which_wakes_the_waiters()
    {
        var signal = new JobChangeSignal();
        var bus = new RecordingBus(new LocalJobChangeBus(signal));
        var runner = Start(new FakeOrchestrator(), workers: false, bus: bus, signal: signal);

        var created = await runner.Commands.CreateAsync(JobRequest.ForTopic("Tides"), "c", None);
        Assert.Equal([created.JobId], bus.Published);

        var woken = runner.Signal.NextChange(created.JobId);
        var warned = await runner.Writer.ApplyAsync(created.JobId, new JobChange.Warned("look"), None);

        Assert.Equal("look", Assert.Single(warned!.Warnings).Message);
        Assert.Equal([created.JobId, created.JobId], bus.Published);
        Assert.True(woken.IsCompleted);
    }

    [Fact]
    public async Task The_runner_queues_and_claims_its_jobs_through_the_queue_it_is_given()
    {
        var queue = new RecordingQueue(new JobQueue(3));
        var runner = Start(new FakeOrchestrator(), queue: queue);

        var created = await runner.Commands.CreateAsync(JobRequest.ForTopic("Tides"), "c", None);
        var done = await EndOf(runner, created.JobId);
        await queue.Completed.WaitAsync(Patience);

        Assert.Equal(JobStatus.Succeeded, done.Status);
        Assert.Equal([$"reserve {created.JobId}", $"enqueue {created.JobId}", $"claim {created.JobId}", $"complete {created.JobId} Ended"], queue.Calls);
        Assert.Equal(0, await queue.CountWaitingAsync(None));
    }

    [Fact]
    public async Task The_in_process_queue_counts_the_jobs_that_hold_a_place_and_its_claims_are_never_lost()
    {
        var queue = new JobQueue(2);
        Assert.True(await queue.TryReserveAsync("a", None));
        Assert.True(await queue.TryReserveAsync("b", None));
        Assert.False(await queue.TryReserveAsync("c", None));
        await queue.EnqueueAsync("a", None);
        Assert.Equal(2, await queue.CountWaitingAsync(None));

        var claim = await queue.ClaimAsync(None).WaitAsync(Patience);

        Assert.Equal(("a", 1), (claim.JobId, await queue.CountWaitingAsync(None)));
        Assert.False(claim.Lost.CanBeCanceled);
        await queue.ReleaseAsync("b", None);
        Assert.Equal(0, await queue.CountWaitingAsync(None));
    }

    [Fact]
    public async Task A_worker_whose_claim_is_lost_stops_the_run_writes_no_end_and_leaves_the_job_to_run_again()
    {
        var orchestrator = new FakeOrchestrator().HoldBefore(JobStage.Voice);
        var queue = new RecordingQueue(new JobQueue(3));
        var runner = Start(orchestrator, queue: queue);
        var created = await runner.Commands.CreateAsync(JobRequest.ForTopic("Tides"), "c", None);
        await orchestrator.Started.WaitAsync(Patience);

        // A shared queue's lease ran out: the job may be another worker's now.
        await queue.LoseClaimsAsync();
        await queue.Completed.WaitAsync(Patience);

        var left = (await Store.GetAsync(created.JobId, None))!;
        Assert.Equal((JobStatus.Running, 1, null), (left.Status, left.Attempt, left.Failure));
        Assert.Equal($"complete {created.JobId} Interrupted", queue.Calls[^1]);
        Assert.DoesNotContain(JobStage.Voice, orchestrator.Entered);
    }

    /// <summary>The in-process bus, with every job id published on it written down.</summary>
    private sealed class RecordingBus(IJobChangeBus inner) : IJobChangeBus
    {
        private readonly ConcurrentQueue<string> _published = new();

        public IReadOnlyList<string> Published => [.. _published];

        public void Publish(string jobId)
        {
            _published.Enqueue(jobId);
            inner.Publish(jobId);
        }
    }

    /// <summary>
    /// The in-process queue, with every call the runner makes written down, and claims the test can lose
    /// (as a shared queue loses a lease that ran out).
    /// </summary>
    private sealed class RecordingQueue(IJobQueue inner) : IJobQueue
    {
        private readonly ConcurrentQueue<string> _calls = new();
        private readonly CancellationTokenSource _lost = new();
        private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyList<string> Calls => [.. _calls];

        /// <summary>Completes when a claim was given back.</summary>
        public Task Completed => _completed.Task;

        public Task LoseClaimsAsync() => _lost.CancelAsync();

        public Task<int> CountWaitingAsync(CancellationToken cancellationToken) => inner.CountWaitingAsync(cancellationToken);

        public Task<bool> TryReserveAsync(string jobId, CancellationToken cancellationToken)
        {
            _calls.Enqueue($"reserve {jobId}");
            return inner.TryReserveAsync(jobId, cancellationToken);
        }

        public Task EnqueueAsync(string jobId, CancellationToken cancellationToken)
        {
            _calls.Enqueue($"enqueue {jobId}");
            return inner.EnqueueAsync(jobId, cancellationToken);
        }

        public Task RequeueAsync(string jobId, CancellationToken cancellationToken)
        {
            _calls.Enqueue($"requeue {jobId}");
            return inner.RequeueAsync(jobId, cancellationToken);
        }

        public Task ReleaseAsync(string jobId, CancellationToken cancellationToken)
        {
            _calls.Enqueue($"release {jobId}");
            return inner.ReleaseAsync(jobId, cancellationToken);
        }

        public async Task<JobClaim> ClaimAsync(CancellationToken stopping)
        {
            var claim = await inner.ClaimAsync(stopping);
            _calls.Enqueue($"claim {claim.JobId}");
            return claim with { Lost = _lost.Token };
        }

        public async Task CompleteAsync(JobClaim claim, JobClaimEnd end, CancellationToken cancellationToken)
        {
            _calls.Enqueue($"complete {claim.JobId} {end}");
            await inner.CompleteAsync(claim, end, cancellationToken);
            _completed.TrySetResult();
        }
    }
}
