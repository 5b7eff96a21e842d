using Aura.Core.Kernel;

namespace Aura.Core.Pipeline;

/// <summary>Runs a job's stages. Reports through <see cref="IJobProgress"/>; throws to fail.</summary>
public interface IVideoOrchestrator
{
    /// <summary>
    /// Runs the stages of <paramref name="job"/>. Returns when the video is written; throws
    /// <see cref="JobFailedException"/> to fail the job, <see cref="OperationCanceledException"/>
    /// when <paramref name="cancellationToken"/> fires.
    /// </summary>
    Task RunAsync(JobContext job, IJobProgress progress, CancellationToken cancellationToken);
}
