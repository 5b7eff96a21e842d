using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aura.Tests.Jobs;

/// <summary>The runner's two seams for a shared implementation: the queue and the change bus.</summary>
public sealed class JobRunnerSeamTests : JobRunnerHarness
{
    [Fact]
    public async Task Every_change_the_runner_keeps_is_published_on_the_bus_it_is_given_which_wakes_the_waiters()
    {
        var signal = new JobChangeSignal();
        var bus = new RecordingBus(new LocalJobChangeBus(signal));
        var runner = new JobRunner(Store, new FakeOrchestrator(), Files, signal, TimeProvider.System,
            Microsoft.Extensions.Options.Options.Create(Options), NullLogger<JobRunner>.Instance, changes: bus);

        var created = await runner.CreateAndStartJobAsync(JobRequest.ForTopic("Tides"), "c", CancellationToken.None);
        Assert.Equal([created.JobId], bus.Published);

        var woken = runner.Signal.NextChange(created.JobId);
        var warned = await runner.UpdateJobAsync(created.JobId, new JobChange.Warned("look"), CancellationToken.None);

        Assert.Equal("look", Assert.Single(warned!.Warnings).Message);
        Assert.Equal([created.JobId, created.JobId], bus.Published);
        Assert.True(woken.IsCompleted);
    }

    [Fact]
    public async Task The_runner_queues_and_claims_its_jobs_through_the_queue_it_is_given()
    {
        var queue = new RecordingQueue(new JobQueue(3));
        var runner = new JobRunner(Store, new FakeOrchestrator(), Files, new JobChangeSignal(), TimeProvider.System,
            Microsoft.Extensions.Options.Options.Create(Options), NullLogger<JobRunner>.Instance, queue);
        StartWorkers(runner);

        var created = await runner.CreateAndStartJobAsync(JobRequest.ForTopic("Tides"), "c", CancellationToken.None);
        var done = await EndOf(runner, created.JobId);

        Assert.Equal(JobStatus.Succeeded, done.Status);
        Assert.Equal([$"reserve {created.JobId}", $"enqueue {created.JobId}", $"claim {created.JobId}"], queue.Calls);
        Assert.Equal(0, queue.WaitingCount);
    }

    [Fact]
    public async Task The_in_process_queue_counts_the_jobs_that_hold_a_place()
    {
        var queue = new JobQueue(2);
        Assert.True(queue.TryReserve("a"));
        Assert.True(queue.TryReserve("b"));
        Assert.False(queue.TryReserve("c"));
        queue.Enqueue("a");
        Assert.Equal(2, queue.WaitingCount);

        using var stop = new CancellationTokenSource();
        await using var claims = queue.ClaimAllAsync(stop.Token).GetAsyncEnumerator();
        Assert.True(await claims.MoveNextAsync().AsTask().WaitAsync(Patience));

        Assert.Equal(("a", 1), (claims.Current, queue.WaitingCount));
        queue.Release("b");
        Assert.Equal(0, queue.WaitingCount);
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

    /// <summary>The in-process queue, with every call the runner makes written down.</summary>
    private sealed class RecordingQueue(IJobQueue inner) : IJobQueue
    {
        private readonly ConcurrentQueue<string> _calls = new();

        public IReadOnlyList<string> Calls => [.. _calls];

        public int WaitingCount => inner.WaitingCount;

        public bool TryReserve(string jobId)
        {
            _calls.Enqueue($"reserve {jobId}");
            return inner.TryReserve(jobId);
        }

        public void Enqueue(string jobId)
        {
            _calls.Enqueue($"enqueue {jobId}");
            inner.Enqueue(jobId);
        }

        public void Requeue(string jobId)
        {
            _calls.Enqueue($"requeue {jobId}");
            inner.Requeue(jobId);
        }

        public void Release(string jobId)
        {
            _calls.Enqueue($"release {jobId}");
            inner.Release(jobId);
        }

        public async IAsyncEnumerable<string> ClaimAllAsync([EnumeratorCancellation] CancellationToken stopping)
        {
            await foreach (var jobId in inner.ClaimAllAsync(stopping))
            {
                _calls.Enqueue($"claim {jobId}");
                yield return jobId;
            }
        }
    }
}
