using Aura.Core.Kernel;
using Aura.Core.Jobs;
using Aura.Core.Storage;

namespace Aura.Api.Sse;

/// <summary>
/// One read of the all-jobs stream: changed jobs and deletions merged in sequence order. When a
/// page came back full, only what lies at or below its last number is certain to be complete, so
/// the batch stops there and says more is waiting.
/// </summary>
public sealed record AllJobsBatch(IReadOnlyList<AllJobsBatch.Item> Items, bool MoreWaiting)
{
    /// <summary>A changed job or a deletion (exactly one is set), under its sequence number.</summary>
    public sealed record Item(long Version, JobSnapshot? Job, JobDeletion? Deletion);

    public static AllJobsBatch Merge(IReadOnlyList<JobSnapshot> jobs, IReadOnlyList<JobDeletion> deletions, int pageSize)
    {
        var limit = long.MaxValue;
        if (jobs.Count >= pageSize)
            limit = Math.Min(limit, jobs[^1].Version);
        if (deletions.Count >= pageSize)
            limit = Math.Min(limit, deletions[^1].Version);
        var items = jobs.Select(j => new Item(j.Version, j, null))
            .Concat(deletions.Select(d => new Item(d.Version, null, d)))
            .Where(i => i.Version <= limit)
            .OrderBy(i => i.Version)
            .ToList();
        return new AllJobsBatch(items, limit != long.MaxValue);
    }
}
