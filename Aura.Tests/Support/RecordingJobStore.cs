using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Core.Storage;

namespace Aura.Tests.Support;

/// <summary>
/// Passes everything to another store and keeps every state saved through it, in order: the whole
/// history, for tests that look at states a store no longer keeps once the job has ended (compaction).
/// </summary>
public sealed class RecordingJobStore(IJobStore inner) : DelegatingJobStore(inner)
{
    private readonly List<JobSnapshot> _saved = [];

    /// <summary>Every state of <paramref name="jobId"/> saved so far, in version order.</summary>
    public IReadOnlyList<JobSnapshot> SavedOf(string jobId)
    {
        lock (_saved)
            return _saved.Where(s => s.JobId == jobId).OrderBy(s => s.Version).ToList();
    }

    public override async Task<JobSnapshot> SaveAsync(JobSnapshot job, long expectedVersion, CancellationToken cancellationToken)
    {
        var saved = await Inner.SaveAsync(job, expectedVersion, cancellationToken);
        lock (_saved)
            _saved.Add(saved);
        return saved;
    }
}
