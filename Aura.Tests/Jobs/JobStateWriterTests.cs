using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace Aura.Tests.Jobs;

public sealed class JobStateWriterTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);
    private readonly InMemoryJobStore _inner = new();

    [Fact]
    public async Task A_change_another_writer_beat_is_applied_again_to_the_fresh_state()
    {
        await Create("j1");
        var store = Forwarding();
        var raced = false;
        store.Setup(s => s.SaveAsync(It.IsAny<JobSnapshot>(), It.IsAny<long>(), It.IsAny<CancellationToken>()))
            .Returns(async (JobSnapshot next, long expected, CancellationToken ct) =>
            {
                if (!raced)
                {
                    // Another writer, which does not share this process's locks, gets there first.
                    raced = true;
                    var current = (await _inner.GetAsync(next.JobId, ct))!;
                    JobStateMachine.TryApply(current, new JobChange.Warned("from elsewhere"), DateTimeOffset.UtcNow, out var theirs, out _);
                    await _inner.SaveAsync(theirs, current.Version, ct);
                }
                return await _inner.SaveAsync(next, expected, ct);
            });
        var signal = new JobChangeSignal();
        var changed = signal.NextChange("j1");

        var saved = await Writer(store.Object, signal).ApplyAsync("j1", new JobChange.Warned("mine"), None);

        Assert.NotNull(saved);
        Assert.Equal(["from elsewhere", "mine"], saved.Warnings.Select(w => w.Message));
        Assert.Equal(saved, await _inner.GetAsync("j1", None));
        Assert.True(changed.IsCompleted);
    }

    [Fact]
    public async Task A_store_that_always_conflicts_ends_in_the_conflict_not_in_a_loop()
    {
        await Create("j1");
        var store = Forwarding();
        store.Setup(s => s.SaveAsync(It.IsAny<JobSnapshot>(), It.IsAny<long>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new JobStoreConflictException("j1", 1, 2));

        await Assert.ThrowsAsync<JobStoreConflictException>(() =>
            Writer(store.Object).ApplyAsync("j1", new JobChange.Warned("mine"), None));
        store.Verify(s => s.SaveAsync(It.IsAny<JobSnapshot>(), It.IsAny<long>(), It.IsAny<CancellationToken>()),
            Times.Exactly(JobStateWriter.MaxAttempts));
    }

    [Fact]
    public async Task A_write_to_one_job_does_not_wait_for_a_write_to_another()
    {
        await Create("slow");
        await Create("quick");
        var store = Forwarding();
        var slowEntered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseSlow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        store.Setup(s => s.SaveAsync(It.IsAny<JobSnapshot>(), It.IsAny<long>(), It.IsAny<CancellationToken>()))
            .Returns(async (JobSnapshot next, long expected, CancellationToken ct) =>
            {
                if (next.JobId == "slow")
                {
                    slowEntered.SetResult();
                    await releaseSlow.Task;
                }
                return await _inner.SaveAsync(next, expected, ct);
            });
        var writer = Writer(store.Object);

        var slow = writer.ApplyAsync("slow", new JobChange.Warned("slow"), None);
        await slowEntered.Task.WaitAsync(Generous);
        var quick = await writer.ApplyAsync("quick", new JobChange.Warned("quick"), None).WaitAsync(Generous);

        Assert.False(slow.IsCompleted);
        Assert.Equal("quick", Assert.Single(quick!.Warnings).Message);
        releaseSlow.SetResult();
        Assert.Equal("slow", Assert.Single((await slow.WaitAsync(Generous))!.Warnings).Message);
    }

    [Fact]
    public async Task Writes_to_one_job_take_turns_and_none_is_lost()
    {
        await Create("j1");
        var writer = Writer(_inner);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => writer.ApplyAsync("j1", new JobChange.Warned($"w{i}"), None))));

        Assert.Equal(20, (await _inner.GetAsync("j1", None))!.Warnings.Count);
    }

    private Task<JobSnapshot> Create(string jobId) =>
        _inner.SaveAsync(JobStateMachine.NewJob(jobId, "c-" + jobId, JobRequest.ForTopic("topic"), DateTimeOffset.UtcNow), 0, None);

    private Mock<IJobStore> Forwarding()
    {
        var store = new Mock<IJobStore>(MockBehavior.Strict);
        store.Setup(s => s.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns((string id, CancellationToken ct) => _inner.GetAsync(id, ct));
        return store;
    }

    private static JobStateWriter Writer(IJobStore store, JobChangeSignal? signal = null) =>
        new(store, new LocalJobChangeBus(signal ?? new JobChangeSignal()), TimeProvider.System, NullLogger.Instance);
}
