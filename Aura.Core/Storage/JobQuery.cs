using Aura.Core.Kernel;

namespace Aura.Core.Storage;

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

    public long ExpectedVersion { get; } = expectedVersion;

    /// <summary>The stored version; 0 when the job is not stored.</summary>
    public long ActualVersion { get; } = actualVersion;
}
