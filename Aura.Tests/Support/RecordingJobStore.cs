using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Core.Storage;

namespace Aura.Tests.Support;

/// <summary>
/// Passes everything to another store and keeps every state saved through it, in order: the whole
/// history, for tests that look at states a store no longer keeps once the job has ended (compaction).
/// </summary>
public sealed class RecordingJobStore(IJobStore inner) : IJobStore
{
    private readonly List<JobSnapshot> _saved = [];

    /// <summary>Every state of <paramref name="jobId"/> saved so far, in version order.</summary>
    public IReadOnlyList<JobSnapshot> SavedOf(string jobId)
    {
        lock (_saved)
            return _saved.Where(s => s.JobId == jobId).OrderBy(s => s.Version).ToList();
    }

    public async Task<JobSnapshot> SaveAsync(JobSnapshot job, long expectedVersion, CancellationToken cancellationToken)
    {
        var saved = await inner.SaveAsync(job, expectedVersion, cancellationToken);
        lock (_saved)
            _saved.Add(saved);
        return saved;
    }

    public Task<JobSnapshot?> GetAsync(string jobId, CancellationToken cancellationToken) => inner.GetAsync(jobId, cancellationToken);

    public Task<JobSnapshot?> GetAsOfAsync(string jobId, long version, CancellationToken cancellationToken) =>
        inner.GetAsOfAsync(jobId, version, cancellationToken);

    public Task<IReadOnlyList<JobSnapshot>> ListAsync(JobQuery query, CancellationToken cancellationToken) => inner.ListAsync(query, cancellationToken);

    public Task<IReadOnlyList<JobSnapshot>> ListChangedAfterAsync(long afterVersion, int limit, CancellationToken cancellationToken) =>
        inner.ListChangedAfterAsync(afterVersion, limit, cancellationToken);

    public Task<IReadOnlyList<JobSnapshot>> ListTerminalBeforeAsync(DateTimeOffset completedBefore, int limit, CancellationToken cancellationToken) =>
        inner.ListTerminalBeforeAsync(completedBefore, limit, cancellationToken);

    public Task<long> GetLastVersionAsync(CancellationToken cancellationToken) => inner.GetLastVersionAsync(cancellationToken);

    public Task<bool> DeleteAsync(string jobId, CancellationToken cancellationToken) => inner.DeleteAsync(jobId, cancellationToken);

    public Task<IReadOnlyList<string>> ListDeletedAsync(CancellationToken cancellationToken) => inner.ListDeletedAsync(cancellationToken);

    public Task<bool> ForgetDeletedAsync(string jobId, CancellationToken cancellationToken) => inner.ForgetDeletedAsync(jobId, cancellationToken);

    public Task<IdempotencyClaim> ClaimIdempotencyKeyAsync(IdempotencyKey key, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.ClaimIdempotencyKeyAsync(key, now, cancellationToken);

    public Task<bool> ReleaseIdempotencyKeyAsync(string key, string jobId, CancellationToken cancellationToken) =>
        inner.ReleaseIdempotencyKeyAsync(key, jobId, cancellationToken);

    public Task<int> RemoveExpiredIdempotencyKeysAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.RemoveExpiredIdempotencyKeysAsync(now, cancellationToken);
}
