using Aura.Core.Kernel;

namespace Aura.Core.Storage;

/// <param name="Statuses">Only jobs in these statuses; empty means all.</param>
/// <param name="CreatedBefore">Only jobs created strictly before this time (paging).</param>
public sealed record JobQuery(IReadOnlyCollection<JobStatus> Statuses, DateTimeOffset? CreatedBefore = null, int Limit = 50)
{
    public static JobQuery All(int limit = int.MaxValue) => new([], null, limit);

    public static JobQuery InStatus(params JobStatus[] statuses) => new(statuses, null, int.MaxValue);
}
