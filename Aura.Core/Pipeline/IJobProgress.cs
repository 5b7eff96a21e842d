using Aura.Core.Kernel;

namespace Aura.Core.Pipeline;

/// <summary>What a stage may say about its job. Every call is one change through the runner.</summary>
public interface IJobProgress
{
    Task EnterStageAsync(JobStage stage, string message);

    /// <summary>The current stage's own percent, 0–100; the runner maps it into the job's range.</summary>
    Task ReportAsync(double stagePercent, string message, int? etaSeconds = null);

    Task WarnAsync(string message);

    Task ArtifactWrittenAsync(JobArtifact artifact);
}
