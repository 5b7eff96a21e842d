namespace Aura.Core.Jobs;

/// <summary>
/// A worker's hold on one job, from <see cref="IJobQueue.ClaimAsync"/> until it gives it back with
/// <see cref="IJobQueue.CompleteAsync"/>. A shared queue makes it a lease that it renews while the worker
/// lives, and writes carry <see cref="Token"/> so a store can refuse a worker that no longer holds it.
/// </summary>
/// <param name="JobId">The job claimed.</param>
/// <param name="Token">Names this claim among all the claims ever made on the job (a fencing token).</param>
/// <param name="Lost">
/// Fires when the claim is no longer the worker's (the lease ran out and may be another worker's now):
/// the run stops at once and writes nothing more. Never fires for the in-process queue.
/// </param>
public sealed record JobClaim(string JobId, string Token, CancellationToken Lost);
