using Aura.Core.Kernel;
using Aura.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Aura.Core.Jobs;

/// <summary>
/// The one way job state changes: a change is applied to the job's newest state through the state
/// machine, kept under the next sequence number, and published on the change bus. Writes to one job
/// take turns under that job's lock; writes to different jobs run side by side. A write another writer
/// beat all the same (one that does not share this process's locks: another instance on a shared
/// store) is applied again to the fresh state instead of failing the caller.
/// </summary>
public sealed partial class JobStateWriter(IJobStore store, IJobChangeBus changes, TimeProvider time, ILogger logger)
{
    /// <summary>How many times a change is applied again after losing to another writer before the conflict is thrown.</summary>
    internal const int MaxAttempts = 10;

    private readonly PerJobLock _locks = new();

    /// <summary>
    /// Applies <paramref name="change"/>. Returns the kept state, the unchanged state when the change altered
    /// nothing, or null when the job is unknown or the change does not apply (such as progress after a cancel).
    /// </summary>
    public Task<JobSnapshot?> ApplyAsync(string jobId, JobChange change, CancellationToken cancellationToken) =>
        ApplyAsync(jobId, change, null, cancellationToken);

    /// <summary>
    /// As <see cref="ApplyAsync(string, JobChange, CancellationToken)"/>, for the worker that holds
    /// <paramref name="claim"/> on the job (null: a write for no claim, such as a user's cancel). The claim's
    /// token goes with the save, and a store that keeps claims refuses it once the claim is no longer the
    /// job's (<see cref="StaleClaimException"/>: the caller has lost the job and must write nothing more).
    /// </summary>
    public async Task<JobSnapshot?> ApplyAsync(string jobId, JobChange change, JobClaim? claim, CancellationToken cancellationToken)
    {
        JobSnapshot saved;
        using (await _locks.EnterAsync(jobId, cancellationToken))
        {
            for (var attempt = 1; ; attempt++)
            {
                var current = await store.GetAsync(jobId, cancellationToken);
                if (current is null)
                    return null;
                if (!JobStateMachine.TryApply(current, change, time.GetUtcNow(), out var next, out var rejection))
                {
                    LogRejected(jobId, change.GetType().Name, rejection!);
                    return null;
                }
                if (next with { UpdatedAt = current.UpdatedAt } == current)
                    return current;
                try
                {
                    saved = claim is null
                        ? await store.SaveAsync(next, current.Version, cancellationToken)
                        : await store.SaveAsync(next, current.Version, claim.Token, cancellationToken);
                    JobInstruments.Changed(current, saved);
                    break;
                }
                catch (JobStoreConflictException conflict) when (attempt < MaxAttempts)
                {
                    LogConflict(jobId, change.GetType().Name, conflict.ActualVersion);
                }
            }
        }

        changes.Publish(jobId);
        return saved;
    }

    [LoggerMessage(LogLevel.Debug, "Change {Change} to job {JobId} not applied: {Reason}")]
    private partial void LogRejected(string jobId, string change, string reason);

    [LoggerMessage(LogLevel.Information, "Change {Change} to job {JobId} lost to another writer (now at version {Version}); applying it to the fresh state")]
    private partial void LogConflict(string jobId, string change, long version);
}
