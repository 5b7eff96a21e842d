namespace Aura.Core.Storage;

/// <summary>Another writer saved the job first: it is no longer at the version the save expected.</summary>
public sealed class JobStoreConflictException(string jobId, long expectedVersion, long actualVersion)
    : Exception($"job {jobId} is at version {actualVersion}, not {expectedVersion}")
{
    public string JobId { get; } = jobId;

    public long ExpectedVersion { get; } = expectedVersion;

    /// <summary>The stored version; 0 when the job is not stored.</summary>
    public long ActualVersion { get; } = actualVersion;
}
