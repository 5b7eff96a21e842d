using Aura.Core.Jobs;
using Aura.Core.Storage;
using Aura.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Aura.Tests.Jobs;

public sealed class JobRunnerTests : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly TempFolder _folder = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly InMemoryJobStore _store = new();
    private readonly JobRunnerOptions _options;
    private Task? _workers;

    public JobRunnerTests() =>
        _options = new JobRunnerOptions { DataFolder = _folder["data"], LogsFolder = _folder["logs"], Workers = 1, QueueCapacity = 3 };

    private JobRunner Start(Core.Orchestration.IVideoOrchestrator orchestrator, TimeProvider? time = null, bool workers = true)
    {
        var runner = new JobRunner(_store, orchestrator, new JobChangeSignal(), time ?? TimeProvider.System,
            Microsoft.Extensions.Options.Options.Create(_options), NullLogger<JobRunner>.Instance);
        if (workers)
            _workers = runner.RunWorkersAsync(_stop.Token);
        return runner;
    }

    private static async Task<JobSnapshot> EndOf(JobRunner runner, string jobId)
    {
        while (true)
        {
            var changed = runner.Signal.NextChange(jobId);
            var job = await runner.GetJobAsync(jobId, CancellationToken.None);
            if (job!.IsTerminal)
                return job;
            await changed.WaitAsync(Patience);
        }
    }

    [Fact]
    public async Task A_created_job_is_queued_then_runs_every_stage_to_success()
    {
        var runner = Start(new FakeOrchestrator());

        var created = await runner.CreateAndStartJobAsync(JobRequest.ForTopic("Tides"), "corr-42", CancellationToken.None);
        var done = await EndOf(runner, created.JobId);

        Assert.Equal((JobStatus.Queued, 0), (created.Status, created.Percent));
        Assert.Equal((JobStatus.Succeeded, JobStage.Complete, 100, "corr-42"), (done.Status, done.Stage, done.Percent, done.CorrelationId));
        Assert.Equal(5, done.Artifacts.Count);
        Assert.True(Directory.Exists(_options.WorkFolderOf(created.JobId)));
    }

    [Fact]
    public async Task Every_change_takes_the_next_number_of_one_sequence_and_is_kept_in_history()
    {
        var runner = Start(new FakeOrchestrator());
        var a = await runner.CreateAndStartJobAsync(JobRequest.ForTopic("a"), "c", CancellationToken.None);
        var b = await runner.CreateAndStartJobAsync(JobRequest.ForTopic("b"), "c", CancellationToken.None);
        var doneA = await EndOf(runner, a.JobId);
        var doneB = await EndOf(runner, b.JobId);

        var versions = new List<long>();
        foreach (var job in new[] { doneA, doneB })
            for (var v = 1L; v <= Math.Max(doneA.Version, doneB.Version); v++)
                if (await _store.GetAsOfAsync(job.JobId, v, CancellationToken.None) is { } asOf && asOf.Version == v)
                    versions.Add(v);

        Assert.Equal(Enumerable.Range(1, (int)Math.Max(doneA.Version, doneB.Version)).Select(v => (long)v), versions.Order());
    }

    [Fact]
    public async Task A_stage_that_throws_ends_the_job_failed_and_the_worker_goes_on()
    {
        var orchestrator = new FakeOrchestrator { FailIn = s => s == JobStage.Visuals ? new InvalidOperationException("card drawer broke") : null };
        var runner = Start(orchestrator);

        var first = await runner.CreateAndStartJobAsync(JobRequest.ForTopic("a"), "c", CancellationToken.None);
        var failed = await EndOf(runner, first.JobId);
        orchestrator.FailIn = _ => null;
        var second = await EndOf(runner, (await runner.CreateAndStartJobAsync(JobRequest.ForTopic("b"), "c", CancellationToken.None)).JobId);

        Assert.Equal((JobStatus.Failed, JobStage.Visuals, ErrorCodes.Internal), (failed.Status, failed.Stage, failed.Failure!.Code));
        Assert.Contains("card drawer broke", failed.Failure.Message);
        Assert.Equal(JobStatus.Succeeded, second.Status);
    }

    [Fact]
    public async Task A_classified_failure_keeps_its_code_stderr_and_log_path()
    {
        var reason = new FailureReason(ErrorCodes.FFmpegRuntime, "FFmpeg exited with code 1", "Read the log", "Invalid argument", "/logs/ffmpeg/x.log");
        var runner = Start(new FakeOrchestrator { FailIn = s => s == JobStage.Rendering ? new JobFailedException(reason) : null });

        var failed = await EndOf(runner, (await runner.CreateAndStartJobAsync(JobRequest.ForTopic("a"), "c", CancellationToken.None)).JobId);

        Assert.Equal((reason.Code, reason.StderrSnippet, reason.LogPath, JobStage.Rendering),
            (failed.Failure!.Code, failed.Failure.StderrSnippet, failed.Failure.LogPath, failed.Failure.Stage));
    }

    [Fact]
    public async Task A_queued_job_is_canceled_at_once()
    {
        var runner = Start(new FakeOrchestrator(), workers: false);
        var job = await runner.CreateAndStartJobAsync(JobRequest.ForTopic("a"), "c", CancellationToken.None);

        var outcome = Assert.IsType<CancelOutcome.Accepted>(await runner.CancelAsync(job.JobId, CancellationToken.None));

        Assert.Equal(JobStatus.Canceled, outcome.Job.Status);
    }

    [Fact]
    public async Task A_running_job_is_canceled_and_the_answer_waits_for_it()
    {
        var orchestrator = new FakeOrchestrator().HoldBefore(JobStage.Compose);
        var runner = Start(orchestrator);
        var job = await runner.CreateAndStartJobAsync(JobRequest.ForTopic("a"), "c", CancellationToken.None);
        await orchestrator.Started.WaitAsync(Patience);

        var outcome = Assert.IsType<CancelOutcome.Accepted>(await runner.CancelAsync(job.JobId, CancellationToken.None));

        Assert.Equal(JobStatus.Canceled, outcome.Job.Status);
        Assert.IsType<CancelOutcome.NotCancellable>(await runner.CancelAsync(job.JobId, CancellationToken.None));
        Assert.IsType<CancelOutcome.NotFound>(await runner.CancelAsync("nope", CancellationToken.None));
    }

    [Fact]
    public async Task A_full_queue_refuses_new_jobs_instead_of_growing()
    {
        var runner = Start(new FakeOrchestrator(), workers: false);
        for (var i = 0; i < _options.QueueCapacity; i++)
            await runner.CreateAndStartJobAsync(JobRequest.ForTopic($"{i}"), "c", CancellationToken.None);

        await Assert.ThrowsAsync<JobQueueFullException>(() => runner.CreateAndStartJobAsync(JobRequest.ForTopic("one more"), "c", CancellationToken.None));
        Assert.Equal(_options.QueueCapacity, (await runner.ListJobsAsync(JobQuery.All(), CancellationToken.None)).Count);
    }

    [Fact]
    public async Task A_job_that_reports_nothing_for_the_stall_timeout_fails_as_stalled()
    {
        var time = new FakeTimeProvider(TestJobs.T0);
        _options.StallTimeout = TimeSpan.FromMinutes(1);
        var orchestrator = new FakeOrchestrator().HoldBefore(JobStage.Voice);
        var runner = Start(orchestrator, time);
        var job = await runner.CreateAndStartJobAsync(JobRequest.ForTopic("a"), "c", CancellationToken.None);
        await orchestrator.Started.WaitAsync(Patience);
        var ended = EndOf(runner, job.JobId);

        time.Advance(TimeSpan.FromSeconds(59));
        Assert.False(ended.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(2));
        var stalled = await ended;

        Assert.Equal((JobStatus.Failed, ErrorCodes.JobStalled), (stalled.Status, stalled.Failure!.Code));
    }

    [Fact]
    public async Task Jobs_left_unfinished_by_a_previous_process_are_run_again_or_failed_when_out_of_attempts()
    {
        _options.MaxAttempts = 2;
        var queued = await _store.SaveAsync(JobStateMachine.NewJob("queued", "c", JobRequest.ForTopic("q"), TestJobs.T0), 0, CancellationToken.None);
        var once = JobStateMachine.NewJob("once", "c", JobRequest.ForTopic("o"), TestJobs.T0).Running().At(JobStage.Compose, 40);
        var twice = once with { JobId = "twice" };
        twice = twice.Then(new JobChange.Started(2));
        await _store.SaveAsync(once, 0, CancellationToken.None);
        await _store.SaveAsync(twice, 0, CancellationToken.None);
        var runner = Start(new FakeOrchestrator(), workers: false);

        Assert.Equal(3, await runner.RecoverAsync(CancellationToken.None));
        _workers = runner.RunWorkersAsync(_stop.Token);

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
        _options.RetentionDays = 30;
        var runner = Start(new FakeOrchestrator(), time);
        var old = await EndOf(runner, (await runner.CreateAndStartJobAsync(JobRequest.ForTopic("old"), "c", CancellationToken.None)).JobId);
        time.Advance(TimeSpan.FromDays(20));
        var young = await EndOf(runner, (await runner.CreateAndStartJobAsync(JobRequest.ForTopic("young"), "c", CancellationToken.None)).JobId);
        time.Advance(TimeSpan.FromDays(11));

        Assert.Equal(1, await runner.SweepAsync(CancellationToken.None));

        Assert.Null(await runner.GetJobAsync(old.JobId, CancellationToken.None));
        Assert.False(Directory.Exists(_options.WorkFolderOf(old.JobId)));
        Assert.NotNull(await runner.GetJobAsync(young.JobId, CancellationToken.None));
        Assert.True(Directory.Exists(_options.WorkFolderOf(young.JobId)));
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
        Directory.CreateDirectory(Path.GetDirectoryName(_options.FFmpegLogOf(running.JobId))!);
        await File.WriteAllTextAsync(_options.FFmpegLogOf(running.JobId), "log");

        Assert.IsType<DeleteOutcome.Deleted>(await runner.DeleteJobAsync(running.JobId, CancellationToken.None));
        Assert.False(Directory.Exists(_options.WorkFolderOf(running.JobId)));
        Assert.False(File.Exists(_options.FFmpegLogOf(running.JobId)));
        Assert.IsType<DeleteOutcome.NotFound>(await runner.DeleteJobAsync(running.JobId, CancellationToken.None));
    }

    [Fact]
    public async Task Work_folders_of_jobs_that_no_longer_exist_are_removed_at_start()
    {
        var runner = Start(new FakeOrchestrator());
        var kept = await EndOf(runner, (await runner.CreateAndStartJobAsync(JobRequest.ForTopic("kept"), "c", CancellationToken.None)).JobId);
        var orphan = Directory.CreateDirectory(_options.WorkFolderOf("0123456789abcdef0123456789abcdef")).FullName;
        await File.WriteAllTextAsync(Path.Combine(orphan, "video.mp4"), "partial");

        Assert.Equal(1, await runner.RemoveOrphanFoldersAsync(CancellationToken.None));

        Assert.False(Directory.Exists(orphan));
        Assert.True(Directory.Exists(_options.WorkFolderOf(kept.JobId)));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_workers is not null)
            await _workers;
        _stop.Dispose();
        _folder.Dispose();
    }
}
