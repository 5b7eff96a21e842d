using Aura.Api.Contracts;
using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Core.Pipeline;
using Aura.Core.Media.Rendering;
using Aura.Core.Storage;

namespace Aura.Tests.Orchestration;

// The orchestrator behind the real jobs service and its state machine: what clients would see.
public sealed class VideoOrchestratorWithRunnerTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
    private readonly PipelineHarness _pipeline = new PipelineHarness()
        .Decorate<IFFmpegRunner, HoldingFFmpegRunner>(inner => new HoldingFFmpegRunner(inner));
    // Records every saved state: the job's own history is compacted once it ends.
    private readonly RecordingJobStore _store = new(new InMemoryJobStore());

    public void Dispose() => _pipeline.Dispose();

    [Fact]
    public async Task A_job_resumed_after_a_restart_in_Render_renders_with_real_progress_and_succeeds_with_its_output()
    {
        var held = _pipeline.Get<HoldingFFmpegRunner>();
        var (first, firstSignal) = Runner();
        using var firstProcess = new CancellationTokenSource();
        var firstWorkers = first.Workers.RunAsync(firstProcess.Token);
        var job = await first.Commands.CreateAsync(JobRequest.ForTopic("Tides") with { PlanSpec = new PlanSpec(TimeSpan.FromSeconds(5)),
            RenderSpec = new RenderSpec(new Resolution(320, 180), Fps: 10) }, "corr-restart", CancellationToken.None);
        await held.RenderHeld.WaitAsync(Limit);
        await firstProcess.CancelAsync(); // the service stops mid-render
        await firstWorkers.WaitAsync(Limit);
        var stoppedAt = await _store.GetAsync(job.JobId, CancellationToken.None);
        held.HoldRender = false;

        var (second, secondSignal) = Runner();
        using var secondProcess = new CancellationTokenSource();
        await second.Workers.RecoverAsync(CancellationToken.None);
        var secondWorkers = second.Workers.RunAsync(secondProcess.Token);
        var done = await WaitForTerminalAsync(secondSignal, job.JobId);
        await secondProcess.CancelAsync();
        await secondWorkers.WaitAsync(Limit);

        Assert.Equal((JobStatus.Running, JobStage.Rendering), (stoppedAt!.Status, stoppedAt.Stage));
        Assert.True(done is { Status: JobStatus.Succeeded, Attempt: 2, Percent: 100 }, $"{done.Status} {done.Failure?.Message}");
        var output = JobOutput.Of(done);
        Assert.NotNull(output);
        Assert.Equal(done.FindArtifact("video.srt")!.Path, output.SubtitlePath);
        Assert.Equal(new FileInfo(output.VideoPath).Length, output.SizeBytes);
        var history = _store.SavedOf(job.JobId);
        Assert.Equal(history.Select(h => h.Percent).Order(), history.Select(h => h.Percent));
        var resumed = history.Where(h => h.Attempt == 2 && h.Status == JobStatus.Running).ToList();
        Assert.Contains(resumed, h => h.Message.StartsWith("Encoding ", StringComparison.Ordinal) && h.Percent < JobStateMachine.MaxRunningPercent);
        Assert.DoesNotContain(resumed, h => h.Stage != JobStage.Rendering);
    }

    private (InProcessJobs Runner, JobChangeSignal Signal) Runner()
    {
        var options = new JobRunnerOptions { Workers = 1, LogsFolder = Path.Combine(_pipeline.Folder, "logs") };
        var jobs = new InProcessJobs(_store, _pipeline.Orchestrator, new JobFiles(Path.Combine(_pipeline.Folder, "data"), options.LogsFolder), options);
        return (jobs, jobs.Signal);
    }

    private async Task<JobSnapshot> WaitForTerminalAsync(JobChangeSignal signal, string jobId)
    {
        using var timeout = new CancellationTokenSource(Limit);
        while (true)
        {
            var changed = signal.NextChange(jobId);
            if (await _store.GetAsync(jobId, CancellationToken.None) is { IsTerminal: true } job)
                return job;
            await changed.WaitAsync(timeout.Token);
        }
    }
}
