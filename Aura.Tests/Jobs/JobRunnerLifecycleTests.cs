using Aura.Core.Jobs;
using Aura.Core.Storage;
using Aura.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Aura.Tests.Jobs;

/// <summary>Recovery after a restart, retention, deletion and orphan folders.</summary>
public sealed class JobRunnerLifecycleTests : JobRunnerHarness
{
    [Fact]
    public async Task Jobs_left_unfinished_by_a_previous_process_are_run_again_or_failed_when_out_of_attempts()
    {
        Options.MaxAttempts = 2;
        var queued = await Store.SaveAsync(JobStateMachine.NewJob("queued", "c", JobRequest.ForTopic("q"), TestJobs.T0), 0, CancellationToken.None);
        var once = JobStateMachine.NewJob("once", "c", JobRequest.ForTopic("o"), TestJobs.T0).Running().At(JobStage.Compose, 40);
        var twice = once with { JobId = "twice" };
        twice = twice.Then(new JobChange.Started(2));
        await Store.SaveAsync(once, 0, CancellationToken.None);
        await Store.SaveAsync(twice, 0, CancellationToken.None);
        var runner = Start(new FakeOrchestrator(), workers: false);

        Assert.Equal(3, await runner.RecoverAsync(CancellationToken.None));
        StartWorkers(runner);

        Assert.Equal(JobStatus.Succeeded, (await EndOf(runner, queued.JobId)).Status);
        var resumed = await EndOf(runner, "once");
        Assert.Equal((JobStatus.Succeeded, 2), (resumed.Status, resumed.Attempt));
        var exhausted = await EndOf(runner, "twice");
        Assert.Equal((JobStatus.Failed, ErrorCodes.Interrupted), (exhausted.Status, exhausted.Failure!.Code));
    }

    [Fact]
    public async Task Ended_jobs_past_the_retention_are_swept_with_their_files_and_younger_ones_stay()
    {
        var time = new FakeTimeProvider(TestJobs.T0);
        Options.RetentionDays = 30;
        var runner = Start(new FakeOrchestrator(), time);
        var old = await RunToEndAsync(runner, "old");
        time.Advance(TimeSpan.FromDays(20));
        var young = await RunToEndAsync(runner, "young");
        time.Advance(TimeSpan.FromDays(11));

        Assert.Equal(1, await runner.SweepAsync(CancellationToken.None));

        Assert.Null(await runner.GetJobAsync(old.JobId, CancellationToken.None));
        Assert.False(Directory.Exists(Options.WorkFolderOf(old.JobId)));
        Assert.NotNull(await runner.GetJobAsync(young.JobId, CancellationToken.None));
        Assert.True(Directory.Exists(Options.WorkFolderOf(young.JobId)));
    }

    [Fact]
    public async Task Deleting_removes_an_ended_job_with_its_files_and_refuses_one_still_running()
    {
        var orchestrator = new FakeOrchestrator().HoldBefore(JobStage.Voice);
        var runner = Start(orchestrator);
        var running = await runner.CreateAndStartJobAsync(JobRequest.ForTopic("a"), "c", CancellationToken.None);
        await orchestrator.Started.WaitAsync(Patience);

        Assert.IsType<DeleteOutcome.NotEnded>(await runner.DeleteJobAsync(running.JobId, CancellationToken.None));
        orchestrator.Release(JobStage.Voice);
        await EndOf(runner, running.JobId);
        Directory.CreateDirectory(Path.GetDirectoryName(Options.FFmpegLogOf(running.JobId))!);
        await File.WriteAllTextAsync(Options.FFmpegLogOf(running.JobId), "log");

        Assert.IsType<DeleteOutcome.Deleted>(await runner.DeleteJobAsync(running.JobId, CancellationToken.None));
        Assert.False(Directory.Exists(Options.WorkFolderOf(running.JobId)));
        Assert.False(File.Exists(Options.FFmpegLogOf(running.JobId)));
        Assert.IsType<DeleteOutcome.NotFound>(await runner.DeleteJobAsync(running.JobId, CancellationToken.None));
    }

    [Fact]
    public async Task Work_folders_of_jobs_that_no_longer_exist_are_removed_at_start()
    {
        var runner = Start(new FakeOrchestrator());
        var kept = await RunToEndAsync(runner, "kept");
        var orphan = Directory.CreateDirectory(Options.WorkFolderOf("0123456789abcdef0123456789abcdef")).FullName;
        await File.WriteAllTextAsync(Path.Combine(orphan, "video.mp4"), "partial");

        Assert.Equal(1, await runner.RemoveOrphanFoldersAsync(CancellationToken.None));

        Assert.False(Directory.Exists(orphan));
        Assert.True(Directory.Exists(Options.WorkFolderOf(kept.JobId)));
    }
}
