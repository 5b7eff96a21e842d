using Aura.Core.Pipeline;
using Aura.Core.Kernel;
using Aura.Core.Storage;

namespace Aura.Core.Jobs;

/// <summary>
/// What a run's stages say, turned into changes through the single writer, each made for the worker's
/// claim. A write the store refuses for that claim (another worker holds the job now) stops the run at once.
/// </summary>
internal sealed class JobProgressReporter(JobStateWriter writer, JobClaim claim, RunCancellation run) : IJobProgress
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
        try
        {
            await writer.ApplyAsync(claim.JobId, change, claim, run.Token);
        }
        catch (StaleClaimException)
        {
            // The job is no longer this worker's: its FFmpeg and stages stop now, not at the lease's end.
            run.LoseClaim();
            throw;
        }
    }
}
