using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Core.Storage;
using Aura.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Aura.Tests.Jobs;

/// <summary>Recovery after a restart, retention, deletion, and finishing deletions a crash interrupted.</summary>
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

        Assert.Equal(3, await runner.Workers.RecoverAsync(CancellationToken.None));
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

        Assert.Equal(1, await runner.Retention.SweepAsync(CancellationToken.None));

        Assert.Null(await runner.Store.GetAsync(old.JobId, CancellationToken.None));
        Assert.False(Directory.Exists(Files.WorkFolderOf(old.JobId)));
        Assert.NotNull(await runner.Store.GetAsync(young.JobId, CancellationToken.None));
        Assert.True(Directory.Exists(Files.WorkFolderOf(young.JobId)));
    }

    [Fact]
    public async Task A_deletion_is_announced_with_its_time_and_forgotten_by_the_sweep_once_as_old_as_the_retention()
    {
        var time = new FakeTimeProvider(TestJobs.T0);
        Options.RetentionDays = 30;
        var runner = Start(new FakeOrchestrator(), time);
        var job = await RunToEndAsync(runner, "deleted");
        time.Advance(TimeSpan.FromDays(1));

        await runner.Commands.DeleteAsync(job.JobId, CancellationToken.None);
        var announced = await runner.Store.ListDeletionsAfterAsync(job.Version, 10, CancellationToken.None);
        time.Advance(TimeSpan.FromDays(29));
        await runner.Retention.SweepAsync(CancellationToken.None);
        var keptForAMonth = await runner.Store.ListDeletionsAfterAsync(0, 10, CancellationToken.None);
        time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        await runner.Retention.SweepAsync(CancellationToken.None);

        var deletion = Assert.Single(announced);
        Assert.Equal((job.JobId, TestJobs.T0.AddDays(1)), (deletion.JobId, deletion.DeletedAt));
        Assert.True(deletion.Version > job.Version);
        Assert.Single(keptForAMonth);
        Assert.Empty(await runner.Store.ListDeletionsAfterAsync(0, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Deleting_removes_an_ended_job_with_its_files_and_refuses_one_still_running()
    {
        var orchestrator = new FakeOrchestrator().HoldBefore(JobStage.Voice);
        var runner = Start(orchestrator);
        var running = await runner.Commands.CreateAsync(JobRequest.ForTopic("a"), "c", CancellationToken.None);
        await orchestrator.Started.WaitAsync(Patience);

        Assert.IsType<DeleteOutcome.NotEnded>(await runner.Commands.DeleteAsync(running.JobId, CancellationToken.None));
        orchestrator.Release(JobStage.Voice);
        await EndOf(runner, running.JobId);
        Directory.CreateDirectory(Path.GetDirectoryName(Files.FFmpegLogOf(running.JobId))!);
        await File.WriteAllTextAsync(Files.FFmpegLogOf(running.JobId), "log");

        Assert.IsType<DeleteOutcome.Deleted>(await runner.Commands.DeleteAsync(running.JobId, CancellationToken.None));
        Assert.False(Directory.Exists(Files.WorkFolderOf(running.JobId)));
        Assert.False(File.Exists(Files.FFmpegLogOf(running.JobId)));
        Assert.IsType<DeleteOutcome.NotFound>(await runner.Commands.DeleteAsync(running.JobId, CancellationToken.None));
    }

    [Fact]
    public async Task An_empty_store_over_three_job_folders_keeps_all_three_and_says_it_knows_no_jobs()
    {
        // A missing or emptied database, or a start with the in-memory store on the same data folder.
        var runner = Start(new FakeOrchestrator());
        var videos = Enumerable.Range(1, 3).Select(i => WriteVideo($"{i:D32}")).ToList();

        var sweep = await runner.Retention.FinishDeletionsAsync(CancellationToken.None);

        Assert.Equal(new FolderSweep(Removed: 0, Unknown: 3, StoreKnowsNoJobs: true), sweep);
        Assert.All(videos, video => Assert.True(File.Exists(video), $"{video} must survive a lost database"));
    }

    [Fact]
    public async Task A_deleted_jobs_leftover_folder_is_removed_and_an_unknown_folder_is_kept()
    {
        var runner = Start(new FakeOrchestrator());
        var kept = await RunToEndAsync(runner, "kept");
        var deleted = await RunToEndAsync(runner, "deleted");
        // A crash between removing the job from the store and removing its files.
        await Store.DeleteAsync(deleted.JobId, TestJobs.T0, CancellationToken.None);
        var leftover = WriteVideo(deleted.JobId);
        var unknown = WriteVideo("0123456789abcdef0123456789abcdef");

        var sweep = await runner.Retention.FinishDeletionsAsync(CancellationToken.None);

        Assert.Equal(new FolderSweep(Removed: 1, Unknown: 1, StoreKnowsNoJobs: false), sweep);
        Assert.False(Directory.Exists(Files.WorkFolderOf(deleted.JobId)));
        Assert.False(File.Exists(leftover));
        Assert.True(File.Exists(unknown));
        Assert.True(Directory.Exists(Files.WorkFolderOf(kept.JobId)));
        Assert.Empty(await Store.ListDeletedAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_delete_that_removed_the_files_forgets_its_record_so_nothing_is_left_to_sweep()
    {
        var runner = Start(new FakeOrchestrator());
        var job = await RunToEndAsync(runner, "a");

        Assert.IsType<DeleteOutcome.Deleted>(await runner.Commands.DeleteAsync(job.JobId, CancellationToken.None));

        Assert.Empty(await Store.ListDeletedAsync(CancellationToken.None));
        Assert.Equal(new FolderSweep(0, 0, false), await runner.Retention.FinishDeletionsAsync(CancellationToken.None));
    }

    /// <summary>A job folder holding a video, as a finished job leaves it; returns the video's path.</summary>
    private string WriteVideo(string jobId)
    {
        var folder = Directory.CreateDirectory(Files.WorkFolderOf(jobId)).FullName;
        var video = Path.Combine(folder, "video.mp4");
        File.WriteAllText(video, "a user's video");
        return video;
    }
}
