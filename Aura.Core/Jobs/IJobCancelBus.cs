namespace Aura.Core.Jobs;

/// <summary>
/// How a cancel reaches a job's run wherever it goes. The seam a bus shared by several nodes replaces;
/// <see cref="LocalJobCancelBus"/> (this process's <see cref="RunningJobs"/>) is the default.
/// </summary>
public interface IJobCancelBus
{
    /// <summary>
    /// True when a request reaches a run on any node (a shared bus): then a job stored as running is
    /// stopped by its own worker, which writes <c>Canceled</c>, and nobody else may write it for the job.
    /// </summary>
    bool ReachesEveryNode { get; }

    /// <summary>Asks the job's run to stop, wherever it goes (and, on a shared bus, a run that starts later).</summary>
    Task RequestAsync(string jobId, CancellationToken cancellationToken);
}
