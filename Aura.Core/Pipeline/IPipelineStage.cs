using Aura.Core.Kernel;

namespace Aura.Core.Pipeline;

/// <summary>
/// One step of the pipeline. The orchestrator enters the stage, runs it, then checkpoints the
/// files it recorded on <see cref="PipelineRun"/>; a stage only does its own work and reports it.
/// </summary>
public interface IPipelineStage
{
    JobStage Stage { get; }

    /// <summary>What the job's message says while the stage runs, e.g. "Writing the script".</summary>
    string Title { get; }

    Task RunAsync(PipelineRun run, CancellationToken cancellationToken);
}
