using Aura.Core.Kernel;
using Aura.Core.Jobs;
using Aura.Core.Storage;

namespace Aura.Tests.Support;

/// <summary>
/// Passes every call to another store: the base of the test stores that change only a few calls
/// (recording saves, refusing writes), so a new <see cref="IJobStore"/> member is forwarded in one place.
/// </summary>
public abstract class DelegatingJobStore(IJobStore inner) : IJobStore
{
    protected IJobStore Inner { get; } = inner;

    public virtual Task<JobSnapshot> SaveAsync(JobSnapshot job, long expectedVersion, CancellationToken cancellationToken) =>
        Inner.SaveAsync(job, expectedVersion, cancellationToken);

    public virtual Task<JobSnapshot?> GetAsync(string jobId, CancellationToken cancellationToken) => Inner.GetAsync(jobId, cancellationToken);

    public virtual Task<JobSnapshot?> GetAsOfAsync(string jobId, long version, CancellationToken cancellationToken) =>
        Inner.GetAsOfAsync(jobId, version, cancellationToken);

    public virtual Task<IReadOnlyList<JobSnapshot>> ListAsync(JobQuery query, CancellationToken cancellationToken) =>
        Inner.ListAsync(query, cancellationToken);

    public virtual Task<IReadOnlyList<JobSnapshot>> ListChangedAfterAsync(long afterVersion, int limit, CancellationToken cancellationToken) =>
        Inner.ListChangedAfterAsync(afterVersion, limit, cancellationToken);

    public virtual Task<IReadOnlyList<JobSnapshot>> ListTerminalBeforeAsync(DateTimeOffset completedBefore, int limit, CancellationToken cancellationToken) =>
        Inner.ListTerminalBeforeAsync(completedBefore, limit, cancellationToken);

    public virtual Task<long> GetLastVersionAsync(CancellationToken cancellationToken) => Inner.GetLastVersionAsync(cancellationToken);

    public virtual Task<long?> GetVersionAsync(string jobId, CancellationToken cancellationToken) =>
        Inner.GetVersionAsync(jobId, cancellationToken);

    public virtual Task<IReadOnlyDictionary<JobStatus, int>> CountByStatusAsync(CancellationToken cancellationToken) =>
        Inner.CountByStatusAsync(cancellationToken);

    public virtual Task<bool> DeleteAsync(string jobId, DateTimeOffset deletedAt, CancellationToken cancellationToken) =>
        Inner.DeleteAsync(jobId, deletedAt, cancellationToken);

    public virtual Task<IReadOnlyList<string>> ListDeletedAsync(CancellationToken cancellationToken) => Inner.ListDeletedAsync(cancellationToken);

    public virtual Task<bool> ForgetDeletedAsync(string jobId, CancellationToken cancellationToken) =>
        Inner.ForgetDeletedAsync(jobId, cancellationToken);

    public virtual Task<IReadOnlyList<JobDeletion>> ListDeletionsAfterAsync(long afterVersion, int limit, CancellationToken cancellationToken) =>
        Inner.ListDeletionsAfterAsync(afterVersion, limit, cancellationToken);

    public virtual Task<int> PruneDeletionsAsync(DateTimeOffset deletedBefore, CancellationToken cancellationToken) =>
        Inner.PruneDeletionsAsync(deletedBefore, cancellationToken);

    public virtual Task<IdempotencyClaim> ClaimIdempotencyKeyAsync(IdempotencyKey key, DateTimeOffset now, CancellationToken cancellationToken) =>
        Inner.ClaimIdempotencyKeyAsync(key, now, cancellationToken);

    public virtual Task<bool> ReleaseIdempotencyKeyAsync(string key, string jobId, CancellationToken cancellationToken) =>
        Inner.ReleaseIdempotencyKeyAsync(key, jobId, cancellationToken);

    public virtual Task<int> RemoveExpiredIdempotencyKeysAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        Inner.RemoveExpiredIdempotencyKeysAsync(now, cancellationToken);
}
