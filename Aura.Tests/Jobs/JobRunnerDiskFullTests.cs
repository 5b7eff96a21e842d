using Aura.Core.Jobs;
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

        var created = await runner.CreateAndStartJobAsync(JobRequest.ForTopic("Tides"), "c", CancellationToken.None);
        var failed = await EndOf(runner, created.JobId);

        Assert.Equal((JobStatus.Failed, ErrorCodes.DiskFull), (failed.Status, failed.Failure!.Code));
        Assert.Equal(JobStage.Script, failed.Stage);
        Assert.Contains("partial files were removed", failed.Failure.Message);
        Assert.Contains("Storage:DataFolder", failed.Failure.Remediation);
        Assert.Equal(4, store.RefusedWrites);
        Assert.False(Directory.Exists(Options.WorkFolderOf(created.JobId)));
    }

    [Fact]
    public async Task The_end_write_waits_on_the_clock_between_tries_twice_as_long_each_time()
    {
        var time = new FakeTimeProvider(TestJobs.T0);
        var store = new FullDiskJobStore(Store);
        store.RefuseWrites(from: job => job.Status == JobStatus.Failed, count: 3);
        var orchestrator = new FakeOrchestrator { FailIn = s => s == JobStage.Voice ? new IOException("No space left on device", 28) : null };
        var runner = Start(orchestrator, time, store: store);

        var created = await runner.CreateAndStartJobAsync(JobRequest.ForTopic("Tides"), "c", CancellationToken.None);
        await Eventually.TrueAsync(() => store.RefusedWrites == 1, TimeSpan.FromSeconds(60));
        await StaysAsync(() => store.RefusedWrites == 1);
        time.Advance(JobRunner.FirstEndRetry);
        await Eventually.TrueAsync(() => store.RefusedWrites == 2, TimeSpan.FromSeconds(60));
        time.Advance(JobRunner.FirstEndRetry);
        await StaysAsync(() => store.RefusedWrites == 2);
        time.Advance(JobRunner.FirstEndRetry);
        await Eventually.TrueAsync(() => store.RefusedWrites == 3, TimeSpan.FromSeconds(60));
        time.Advance(JobRunner.FirstEndRetry * 4);
        var failed = await EndOf(runner, created.JobId);

        Assert.Equal((JobStatus.Failed, ErrorCodes.DiskFull), (failed.Status, failed.Failure!.Code));
        Assert.Equal(3, store.RefusedWrites);
    }

    [Fact]
    public async Task No_space_left_from_a_run_that_does_not_classify_it_is_still_E306()
    {
        var orchestrator = new FakeOrchestrator { FailIn = s => s == JobStage.Visuals ? new IOException("No space left on device", 28) : null };
        var runner = Start(orchestrator);

        var failed = await RunToEndAsync(runner, "Tides");

        Assert.Equal((JobStatus.Failed, ErrorCodes.DiskFull), (failed.Status, failed.Failure!.Code));
        Assert.False(Directory.Exists(Options.WorkFolderOf(failed.JobId)));
    }

    /// <summary>Nothing moves while the clock stands still: a short real pause in which no retry may happen.</summary>
    private static async Task StaysAsync(Func<bool> condition)
    {
        await Task.Delay(300);
        Assert.True(condition(), "the end write was tried again although the clock did not move");
    }
}
