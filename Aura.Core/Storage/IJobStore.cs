using Aura.Core.Kernel;

namespace Aura.Core.Storage;

/// <summary>
/// Where jobs and their history live. Every kept state takes the next number of one global,
/// strictly increasing sequence (the snapshot's <see cref="JobSnapshot.Version"/>), and the job,
/// its history entry and the sequence move together. Shaped so a shared store (Redis, SQL server)
/// can implement it: the version check makes concurrent writers from several hosts safe.
/// </summary>
public interface IJobStore
{
    /// <summary>
    /// Keeps <paramref name="job"/> as the job's newest state under the next sequence number.
    /// When the kept state is terminal, the job's history is compacted in the same step to what a
    /// resuming client can need (see <see cref="HistoryCompaction"/>), so an ended job keeps a
    /// bounded number of snapshots.
    /// <paramref name="expectedVersion"/> is the version it was derived from (0 for a new job);
    /// when the stored job has moved on, nothing is written, no number is used up, and
    /// <see cref="JobStoreConflictException"/> is thrown.
    /// </summary>
    Task<JobSnapshot> SaveAsync(JobSnapshot job, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="SaveAsync(JobSnapshot, long, CancellationToken)"/>, for a worker that holds a claim on
    /// the job: a store that keeps claims (Redis, whose queue leases jobs to workers on several nodes)
    /// writes only while <paramref name="claimToken"/> is the job's current lease and otherwise throws
    /// <see cref="StaleClaimException"/>, writing nothing (fencing: a worker that lost its lease cannot
    /// write over the worker that holds it now). Null (a user's command) writes without the check. Stores
    /// whose claims live in one process only (SQLite, in-memory) have nothing to check.
    /// </summary>
    Task<JobSnapshot> SaveAsync(JobSnapshot job, long expectedVersion, string? claimToken, CancellationToken cancellationToken) =>
        SaveAsync(job, expectedVersion, cancellationToken);

    Task<JobSnapshot?> GetAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>
    /// The job as it was at <paramref name="version"/>: its latest kept state at or before it; null when none
    /// is kept. For an ended job that may be an earlier state than the client saw (its history is compacted):
    /// the diff from it sends no less than the client missed.
    /// </summary>
    Task<JobSnapshot?> GetAsOfAsync(string jobId, long version, CancellationToken cancellationToken);

    /// <summary>Jobs newest first (by creation, then by id descending for equal times).</summary>
    Task<IReadOnlyList<JobSnapshot>> ListAsync(JobQuery query, CancellationToken cancellationToken);

    /// <summary>Jobs whose version is greater than <paramref name="afterVersion"/>, in version order.</summary>
    Task<IReadOnlyList<JobSnapshot>> ListChangedAfterAsync(long afterVersion, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Terminal jobs that ended (<see cref="JobSnapshot.CompletedAt"/>) strictly before
    /// <paramref name="completedBefore"/>, the longest-ended first: what a retention sweep deletes.
    /// </summary>
    Task<IReadOnlyList<JobSnapshot>> ListTerminalBeforeAsync(DateTimeOffset completedBefore, int limit, CancellationToken cancellationToken);

    /// <summary>The newest number the sequence has issued (0 before any). Deleting jobs never lowers it.</summary>
    Task<long> GetLastVersionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The job's version, or null when there is no such job: what an event stream polls to learn
    /// whether a read is due. Stores may answer it more cheaply than by reading the whole job.
    /// </summary>
    async Task<long?> GetVersionAsync(string jobId, CancellationToken cancellationToken) =>
        (await GetAsync(jobId, cancellationToken))?.Version;

    /// <summary>How many jobs are in each status (for <c>/health</c> and the metrics). Stores may answer it more cheaply than by listing.</summary>
    async Task<IReadOnlyDictionary<JobStatus, int>> CountByStatusAsync(CancellationToken cancellationToken) =>
        (await ListAsync(JobQuery.All(), cancellationToken)).GroupBy(j => j.Status).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>
    /// Removes a job and its history and, in the same step, records its deletion (a tombstone) under
    /// the next sequence number, at <paramref name="deletedAt"/>; false when there was no job (then
    /// nothing is recorded and no number is used). Its idempotency keys stay until they expire.
    /// The tombstone is what allows the job's files to be removed: a sweep never deletes a folder
    /// only because the store does not know its job (the store may be new, empty or another one).
    /// </summary>
    Task<bool> DeleteAsync(string jobId, DateTimeOffset deletedAt, CancellationToken cancellationToken);

    /// <summary>The jobs whose deletion is recorded and whose files are not yet known to be gone.</summary>
    Task<IReadOnlyList<string>> ListDeletedAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Notes that a deleted job's files are gone, so <see cref="ListDeletedAsync"/> no longer lists it;
    /// false when no such deletion is pending. The deletion itself stays visible to
    /// <see cref="ListDeletionsAfterAsync"/> until <see cref="PruneDeletionsAsync"/> forgets it.
    /// </summary>
    Task<bool> ForgetDeletedAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>Deletions whose number is greater than <paramref name="afterVersion"/>, in number order (for resuming streams).</summary>
    Task<IReadOnlyList<JobDeletion>> ListDeletionsAfterAsync(long afterVersion, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Forgets deletions made before <paramref name="deletedBefore"/> whose files are gone (never one
    /// still listed by <see cref="ListDeletedAsync"/>); returns how many.
    /// </summary>
    Task<int> PruneDeletionsAsync(DateTimeOffset deletedBefore, CancellationToken cancellationToken);

    /// <summary>
    /// Records <paramref name="key"/> unless a live entry (one that expires after <paramref name="now"/>)
    /// already holds its key: atomic, so of concurrent claims of one key exactly one wins. An expired
    /// entry counts as absent and is replaced. See <see cref="IdempotencyKey"/> for the call order.
    /// </summary>
    Task<IdempotencyClaim> ClaimIdempotencyKeyAsync(IdempotencyKey key, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Gives up a claim this caller won but could not act on (the job could not be created), so a
    /// retry may claim the key again. Removes the entry only while it still names <paramref name="jobId"/>.
    /// </summary>
    Task<bool> ReleaseIdempotencyKeyAsync(string key, string jobId, CancellationToken cancellationToken);

    /// <summary>Deletes the entries that expire at or before <paramref name="now"/>; returns how many.</summary>
    Task<int> RemoveExpiredIdempotencyKeysAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
