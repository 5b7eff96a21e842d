using Aura.Core.Jobs;

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
    /// <paramref name="expectedVersion"/> is the version it was derived from (0 for a new job);
    /// when the stored job has moved on, nothing is written and <see cref="JobStoreConflictException"/> is thrown.
    /// </summary>
    Task<JobSnapshot> SaveAsync(JobSnapshot job, long expectedVersion, CancellationToken cancellationToken);

    Task<JobSnapshot?> GetAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>The job as it was at <paramref name="version"/>: its latest state at or before it; null when none is kept.</summary>
    Task<JobSnapshot?> GetAsOfAsync(string jobId, long version, CancellationToken cancellationToken);

    /// <summary>Jobs newest first (by creation).</summary>
    Task<IReadOnlyList<JobSnapshot>> ListAsync(JobQuery query, CancellationToken cancellationToken);

    /// <summary>Jobs whose version is greater than <paramref name="afterVersion"/>, in version order.</summary>
    Task<IReadOnlyList<JobSnapshot>> ListChangedAfterAsync(long afterVersion, int limit, CancellationToken cancellationToken);

    /// <summary>The newest number the sequence has issued (0 before any).</summary>
    Task<long> GetLastVersionAsync(CancellationToken cancellationToken);

    /// <summary>Removes a job and its history; false when there was none.</summary>
    Task<bool> DeleteAsync(string jobId, CancellationToken cancellationToken);
}

/// <param name="Statuses">Only jobs in these statuses; empty means all.</param>
/// <param name="CreatedBefore">Only jobs created strictly before this time (paging).</param>
public sealed record JobQuery(IReadOnlyCollection<JobStatus> Statuses, DateTimeOffset? CreatedBefore = null, int Limit = 50)
{
    public static JobQuery All(int limit = int.MaxValue) => new([], null, limit);

    public static JobQuery InStatus(params JobStatus[] statuses) => new(statuses, null, int.MaxValue);
}

public sealed class JobStoreConflictException(string jobId, long expectedVersion, long actualVersion)
    : Exception($"job {jobId} is at version {actualVersion}, not {expectedVersion}")
{
    public string JobId { get; } = jobId;
}
