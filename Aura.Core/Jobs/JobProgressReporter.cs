using Aura.Core.Pipeline;
using Aura.Core.Kernel;

namespace Aura.Core.Jobs;

/// <summary>What a run's stages say, turned into changes through the single writer.</summary>
internal sealed class JobProgressReporter(JobStateWriter writer, string jobId, RunCancellation run) : IJobProgress
{
    // The stage the run says it is in, which may be behind the job's when a resume redoes a stage.
    private JobStage? _stage;

    public Task EnterStageAsync(JobStage stage, string message)
    {
        _stage = stage;
        return Apply(new JobChange.StageEntered(stage, message));
    }

    public Task ReportAsync(double stagePercent, string message, int? etaSeconds = null) =>
        Apply(new JobChange.Progress(stagePercent, message, etaSeconds, _stage));

    public Task WarnAsync(string message) => Apply(new JobChange.Warned(message));

    public Task ArtifactWrittenAsync(JobArtifact artifact) => Apply(new JobChange.ArtifactWritten(artifact));

    private async Task Apply(JobChange change)
    {
        run.Token.ThrowIfCancellationRequested();
        run.Touch();
        await writer.ApplyAsync(jobId, change, run.Token);
    }
}
