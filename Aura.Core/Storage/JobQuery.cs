using Aura.Core.Kernel;

namespace Aura.Core.Storage;

/// <param name="Statuses">Only jobs in these statuses; empty means all.</param>
/// <param name="CreatedBefore">Only jobs created strictly before this time (paging).</param>
/// <param name="Owner">Only jobs of this owner (a job stored without one belongs to <see cref="DefaultOwner"/>); null means everyone's.</param>
public sealed record JobQuery(IReadOnlyCollection<JobStatus> Statuses, DateTimeOffset? CreatedBefore = null, int Limit = 50, string? Owner = null)
{
    /// <summary>The owner of jobs stored before jobs had owners: the local principal.</summary>
    public const string DefaultOwner = "local";

    public bool IsOwnedBy(JobSnapshot job) => Owner is null || string.Equals(job.Owner ?? DefaultOwner, Owner, StringComparison.Ordinal);

    public static JobQuery All(int limit = int.MaxValue) => new([], null, limit);

    public static JobQuery InStatus(params JobStatus[] statuses) => new(statuses, null, int.MaxValue);
}
