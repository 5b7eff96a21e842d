using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Aura.Tests.Jobs;

/// <summary>A full disk ends the job Failed E306, however often the store refuses the failure first.</summary>
public sealed class JobRunnerDiskFullTests : JobRunnerHarness
{
    [Fact]
    public async Task A_failure_the_full_store_refuses_is_written_again_until_it_is_kept_and_the_partial_files_go_first()
    {
        var store = new FullDiskJobStore(Store);
        // Entering Voice is refused (the run stops), then the failure itself three times.
        store.RefuseWrites(from: job => job.Stage == JobStage.Voice, count: 4);
        var runner = Start(new FakeOrchestrator(), store: store);

        var created = await runner.Commands.CreateAsync(JobRequest.ForTopic("Tides"), "c", CancellationToken.None);
        var failed = await EndOf(runner, created.JobId);

        Assert.Equal((JobStatus.Failed, ErrorCodes.DiskFull), (failed.Status, failed.Failure!.Code));
        Assert.Equal(JobStage.Script, failed.Stage);
        Assert.Contains("partial files were removed", failed.Failure.Message);
        Assert.Contains("Storage:DataFolder", failed.Failure.Remediation);
        Assert.Equal(4, store.RefusedWrites);
        Assert.False(Directory.Exists(Files.WorkFolderOf(created.JobId)));
    }

    [Fact]
    public async Task The_end_write_waits_on_the_clock_between_tries_longer_each_time()
    {
        var time = new FakeTimeProvider(TestJobs.T0);
        var store = new FullDiskJobStore(Store);
        store.RefuseWrites(from: job => job.Status == JobStatus.Failed, count: 3);
        var orchestrator = new FakeOrchestrator { FailIn = s => s == JobStage.Voice ? new IOException("No space left on device", 28) : null };
        var runner = Start(orchestrator, time, store: store);

        var created = await runner.Commands.CreateAsync(JobRequest.ForTopic("Tides"), "c", CancellationToken.None);
        // The clock has not moved yet, so this is the time of the first refusal.
        await Eventually.TrueAsync(() => store.RefusedWrites == 1, TimeSpan.FromSeconds(60));
        var firstRefusal = time.GetUtcNow();
        await Task.Delay(300);
        var triesWhileTheClockStoodStill = store.RefusedWrites;
        var failed = await AdvanceUntilEndAsync(runner, created.JobId, time);

        Assert.Equal(1, triesWhileTheClockStoodStill);
        Assert.Equal((JobStatus.Failed, ErrorCodes.DiskFull), (failed.Status, failed.Failure!.Code));
        Assert.Equal(3, store.RefusedWrites);
        // Three waits, each twice the last: 1 + 2 + 4 times the first (a fixed wait would be 3 times).
        Assert.True(time.GetUtcNow() - firstRefusal >= JobEnding.FirstEndRetry * 7, $"only {time.GetUtcNow() - firstRefusal} passed on the clock");
    }

    [Fact]
    public async Task No_space_left_from_a_run_that_does_not_classify_it_is_still_E306()
    {
        var orchestrator = new FakeOrchestrator { FailIn = s => s == JobStage.Visuals ? new IOException("No space left on device", 28) : null };
        var runner = Start(orchestrator);

        var failed = await RunToEndAsync(runner, "Tides");

        Assert.Equal((JobStatus.Failed, ErrorCodes.DiskFull), (failed.Status, failed.Failure!.Code));
        Assert.False(Directory.Exists(Files.WorkFolderOf(failed.JobId)));
    }

    /// <summary>Moves the clock on in small steps until the job has ended.</summary>
    private static async Task<JobSnapshot> AdvanceUntilEndAsync(InProcessJobs runner, string jobId, FakeTimeProvider time)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await runner.Store.GetAsync(jobId, CancellationToken.None) is not { IsTerminal: true })
        {
            Assert.True(DateTime.UtcNow < deadline, "the job did not end while the clock moved on");
            time.Advance(TimeSpan.FromMilliseconds(50));
            await Task.Delay(10);
        }
        return (await runner.Store.GetAsync(jobId, CancellationToken.None))!;
    }
}
