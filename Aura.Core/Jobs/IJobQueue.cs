namespace Aura.Core.Jobs;

/// <summary>
/// The jobs waiting for a worker, the places they hold, and the claims workers hold on them. The seam a
/// queue shared by several instances replaces; <see cref="JobQueue"/> (this process only) is the default.
/// A job takes its place before it is saved and gives it back exactly once: when a worker claims it, or
/// when it ends while it waits. A claimed job stays its worker's until the worker completes the claim or
/// the claim is lost (<see cref="JobClaim.Lost"/>: a shared queue's lease ran out), whichever comes first.
/// </summary>
public interface IJobQueue
{
    /// <summary>Takes a place for a new job, before it is saved; false when the queue is full.</summary>
    Task<bool> TryReserveAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>Puts a saved job that holds its place in line.</summary>
    Task EnqueueAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>
    /// Puts back in line, whatever the capacity, a job the store holds unfinished (recovery at start):
    /// it was promised a run before this process started. A job the queue already holds (in line, or
    /// claimed under a claim that is not lost) is left as it is.
    /// </summary>
    Task RequeueAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>Gives back the job's place, if it still holds one (it ended while it waited).</summary>
    Task ReleaseAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>
    /// Waits for the next job in line and claims it for the caller, giving back its place. Throws
    /// <see cref="OperationCanceledException"/> when <paramref name="stopping"/> fires first.
    /// </summary>
    Task<JobClaim> ClaimAsync(CancellationToken stopping);

    /// <summary>
    /// Gives the claim back: the worker is done with the job, as <paramref name="end"/> says. A claim
    /// that was lost is no longer the caller's, and completing it changes nothing.
    /// </summary>
    Task CompleteAsync(JobClaim claim, JobClaimEnd end, CancellationToken cancellationToken);

    /// <summary>How many jobs hold a place now (waiting, not claimed).</summary>
    Task<int> CountWaitingAsync(CancellationToken cancellationToken);
}
