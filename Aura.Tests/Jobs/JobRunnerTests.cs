using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Core.Storage;
using Aura.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Aura.Tests.Jobs;

public sealed class JobRunnerTests : JobRunnerHarness
{
    [Fact]
    public async Task A_created_job_is_queued_then_runs_every_stage_to_success()
    {
        var runner = Start(new FakeOrchestrator());

        var created = await runner.Commands.CreateAsync(JobRequest.ForTopic("Tides"), "corr-42", CancellationToken.None);
        var done = await EndOf(runner, created.JobId);

        Assert.Equal((JobStatus.Queued, 0), (created.Status, created.Percent));
        Assert.Equal((JobStatus.Succeeded, JobStage.Complete, 100, "corr-42"), (done.Status, done.Stage, done.Percent, done.CorrelationId));
        Assert.Equal(5, done.Artifacts.Count);
        Assert.True(Directory.Exists(Files.WorkFolderOf(created.JobId)));
    }

    [Fact]
    public async Task Every_change_takes_the_next_number_of_one_sequence_and_is_kept_in_history_while_the_job_runs()
    {
        // Held in Script, job a keeps its whole history (an ended job's is compacted), and b waits for the one worker.
        var orchestrator = new FakeOrchestrator().HoldBefore(JobStage.Voice);
        var runner = Start(orchestrator);
        var a = await runner.Commands.CreateAsync(JobRequest.ForTopic("a"), "c", CancellationToken.None);
        var b = await runner.Commands.CreateAsync(JobRequest.ForTopic("b"), "c", CancellationToken.None);
        await orchestrator.Started.WaitAsync(Patience);
        var last = await Store.GetLastVersionAsync(CancellationToken.None);

        var versions = new List<long>();
        foreach (var job in new[] { a, b })
            for (var v = 1L; v <= last; v++)
                if (await Store.GetAsOfAsync(job.JobId, v, CancellationToken.None) is { } asOf && asOf.Version == v)
                    versions.Add(v);

        Assert.True(last >= 3, $"only {last} changes were made");
        Assert.Equal(Enumerable.Range(1, (int)last).Select(v => (long)v), versions.Order());
        orchestrator.Release(JobStage.Voice);
        Assert.Equal(JobStatus.Succeeded, (await EndOf(runner, a.JobId)).Status);
        Assert.Equal(JobStatus.Succeeded, (await EndOf(runner, b.JobId)).Status);
    }

    [Fact]
    public async Task A_stage_that_throws_ends_the_job_failed_and_the_worker_goes_on()
    {
        var orchestrator = new FakeOrchestrator { FailIn = s => s == JobStage.Visuals ? new InvalidOperationException("card drawer broke") : null };
        var runner = Start(orchestrator);

        var first = await runner.Commands.CreateAsync(JobRequest.ForTopic("a"), "c", CancellationToken.None);
        var failed = await EndOf(runner, first.JobId);
        orchestrator.FailIn = _ => null;
        var second = await RunToEndAsync(runner, "b");

        Assert.Equal((JobStatus.Failed, JobStage.Visuals, ErrorCodes.Internal), (failed.Status, failed.Stage, failed.Failure!.Code));
        Assert.Contains("card drawer broke", failed.Failure.Message);
        Assert.Equal(JobStatus.Succeeded, second.Status);
    }

    [Fact]
    public async Task A_classified_failure_keeps_its_code_stderr_and_log_path()
    {
        var reason = new FailureReason(ErrorCodes.FFmpegRuntime, "FFmpeg exited with code 1", "Read the log", "Invalid argument", "/logs/ffmpeg/x.log");
        var runner = Start(new FakeOrchestrator { FailIn = s => s == JobStage.Rendering ? new JobFailedException(reason) : null });

        var failed = await RunToEndAsync(runner, "a");

        Assert.Equal((reason.Code, reason.StderrSnippet, reason.LogPath, JobStage.Rendering),
            (failed.Failure!.Code, failed.Failure.StderrSnippet, failed.Failure.LogPath, failed.Failure.Stage));
    }

    [Fact]
    public async Task A_queued_job_is_canceled_at_once()
    {
        var runner = Start(new FakeOrchestrator(), workers: false);
        var job = await runner.Commands.CreateAsync(JobRequest.ForTopic("a"), "c", CancellationToken.None);

        var outcome = Assert.IsType<CancelOutcome.Accepted>(await runner.Commands.CancelAsync(job.JobId, CancellationToken.None));

        Assert.Equal(JobStatus.Canceled, outcome.Job.Status);
    }

    [Fact]
    public async Task A_running_job_is_canceled_and_the_answer_waits_for_it()
    {
        var orchestrator = new FakeOrchestrator().HoldBefore(JobStage.Compose);
        // The answer waits for the run to stop, however long a busy machine takes (how soon is the benchmark's figure).
        Options.CancelWait = Patience;
        var runner = Start(orchestrator);
        var job = await runner.Commands.CreateAsync(JobRequest.ForTopic("a"), "c", CancellationToken.None);
        await orchestrator.Started.WaitAsync(Patience);

        var outcome = Assert.IsType<CancelOutcome.Accepted>(await runner.Commands.CancelAsync(job.JobId, CancellationToken.None));

        Assert.Equal(JobStatus.Canceled, outcome.Job.Status);
        Assert.IsType<CancelOutcome.NotCancellable>(await runner.Commands.CancelAsync(job.JobId, CancellationToken.None));
        Assert.IsType<CancelOutcome.NotFound>(await runner.Commands.CancelAsync("nope", CancellationToken.None));
    }

    [Fact]
    public async Task A_full_queue_refuses_new_jobs_instead_of_growing()
    {
        var runner = Start(new FakeOrchestrator(), workers: false);
        for (var i = 0; i < Options.QueueCapacity; i++)
            await runner.Commands.CreateAsync(JobRequest.ForTopic($"{i}"), "c", CancellationToken.None);

        await Assert.ThrowsAsync<JobQueueFullException>(() => runner.Commands.CreateAsync(JobRequest.ForTopic("one more"), "c", CancellationToken.None));
        Assert.Equal(Options.QueueCapacity, (await runner.Store.ListAsync(JobQuery.All(), CancellationToken.None)).Count);
    }

    [Fact]
    public async Task A_queued_job_canceled_gives_its_place_to_the_next_job_at_once()
    {
        var runner = Start(new FakeOrchestrator(), workers: false);
        var queued = new List<JobSnapshot>();
        for (var i = 0; i < Options.QueueCapacity; i++)
            queued.Add(await runner.Commands.CreateAsync(JobRequest.ForTopic($"{i}"), "c", CancellationToken.None));

        await runner.Commands.CancelAsync(queued[0].JobId, CancellationToken.None);
        await runner.Commands.CreateAsync(JobRequest.ForTopic("takes the freed place"), "c", CancellationToken.None);

        await Assert.ThrowsAsync<JobQueueFullException>(() => runner.Commands.CreateAsync(JobRequest.ForTopic("one more"), "c", CancellationToken.None));
    }

    [Fact]
    public async Task A_job_that_reports_nothing_for_the_stall_timeout_fails_as_stalled()
    {
        var time = new FakeTimeProvider(TestJobs.T0);
        Options.StallTimeout = TimeSpan.FromMinutes(1);
        var orchestrator = new FakeOrchestrator().HoldBefore(JobStage.Voice);
        var runner = Start(orchestrator, time);
        var job = await runner.Commands.CreateAsync(JobRequest.ForTopic("a"), "c", CancellationToken.None);
        await orchestrator.Started.WaitAsync(Patience);
        var ended = EndOf(runner, job.JobId);

        time.Advance(TimeSpan.FromSeconds(59));
        Assert.False(ended.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(2));
        var stalled = await ended;

        Assert.Equal((JobStatus.Failed, ErrorCodes.JobStalled), (stalled.Status, stalled.Failure!.Code));
    }
}
