using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Core.Storage;

namespace Aura.Tests.Support;

/// <summary>
/// A store whose disk fills up when a test says so: writes are refused with
/// <see cref="StoreFullException"/>, as the SQLite store refuses them on a full disk, while reads
/// always work. For the logic of a full disk; the real thing is tested on a small tmpfs.
/// </summary>
public sealed class FullDiskJobStore(IJobStore inner) : DelegatingJobStore(inner)
{
    private readonly Lock _gate = new();
    private Func<JobSnapshot, bool> _from = _ => false;
    private int _failuresLeft;
    private bool _counting;
    private int _refused;

    /// <summary>While true, every write is refused.</summary>
    public bool Full { get; set; }

    /// <summary>How many writes were refused so far.</summary>
    public int RefusedWrites => Volatile.Read(ref _refused);

    /// <summary>From the first save that <paramref name="from"/> matches on, <paramref name="count"/> writes are refused (that one included).</summary>
    public void RefuseWrites(Func<JobSnapshot, bool> from, int count)
    {
        lock (_gate)
            (_from, _failuresLeft, _counting) = (from, count, false);
    }

    public override Task<JobSnapshot> SaveAsync(JobSnapshot job, long expectedVersion, CancellationToken cancellationToken) =>
        Refuses(job) ? Refused<JobSnapshot>() : Inner.SaveAsync(job, expectedVersion, cancellationToken);

    public override Task<bool> DeleteAsync(string jobId, DateTimeOffset deletedAt, CancellationToken cancellationToken) =>
        Refuses(null) ? Refused<bool>() : Inner.DeleteAsync(jobId, deletedAt, cancellationToken);

    public override Task<bool> ForgetDeletedAsync(string jobId, CancellationToken cancellationToken) =>
        Refuses(null) ? Refused<bool>() : Inner.ForgetDeletedAsync(jobId, cancellationToken);

    public override Task<int> PruneDeletionsAsync(DateTimeOffset deletedBefore, CancellationToken cancellationToken) =>
        Refuses(null) ? Refused<int>() : Inner.PruneDeletionsAsync(deletedBefore, cancellationToken);

    public override Task<IdempotencyClaim> ClaimIdempotencyKeyAsync(IdempotencyKey key, DateTimeOffset now, CancellationToken cancellationToken) =>
        Refuses(null) ? Refused<IdempotencyClaim>() : Inner.ClaimIdempotencyKeyAsync(key, now, cancellationToken);

    public override Task<bool> ReleaseIdempotencyKeyAsync(string key, string jobId, CancellationToken cancellationToken) =>
        Refuses(null) ? Refused<bool>() : Inner.ReleaseIdempotencyKeyAsync(key, jobId, cancellationToken);

    public override Task<int> RemoveExpiredIdempotencyKeysAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        Refuses(null) ? Refused<int>() : Inner.RemoveExpiredIdempotencyKeysAsync(now, cancellationToken);

    private bool Refuses(JobSnapshot? job)
    {
        lock (_gate)
        {
            var refuse = Full;
            if (!refuse && _failuresLeft > 0 && (_counting || (job is not null && _from(job))))
            {
                _counting = true;
                _failuresLeft--;
                refuse = true;
            }
            if (refuse)
                _refused++;
            return refuse;
        }
    }

    private static Task<T> Refused<T>() =>
        Task.FromException<T>(new StoreFullException("The disk that holds the job store is full: nothing was written."));
}
