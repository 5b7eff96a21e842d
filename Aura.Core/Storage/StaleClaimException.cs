namespace Aura.Core.Storage;

/// <summary>
/// A save made for a worker's claim on the job (its lease token) after that claim stopped being the job's
/// current one: the lease ran out and the job was put back in line or claimed by another worker. Nothing
/// was written. The worker has lost the job and must stop writing it (fencing).
/// </summary>
public sealed class StaleClaimException(string jobId, string claimToken)
    : Exception($"job {jobId} is no longer held by claim {claimToken}: its lease ran out or another worker holds it")
{
    public string JobId { get; } = jobId;

    public string ClaimToken { get; } = claimToken;
}
