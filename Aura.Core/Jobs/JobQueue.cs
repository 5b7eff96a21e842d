using System.Threading.Channels;

namespace Aura.Core.Jobs;

/// <summary>
/// The in-process <see cref="IJobQueue"/>: the jobs waiting for a worker, in order, and the places they hold. A job takes its place before it
/// is saved and gives it back exactly once: when a worker takes it, or when it ends while it waits (a
/// cancel). So the capacity counts only jobs that really wait; the id of a job canceled while waiting
/// stays in line, and the worker that reaches it finds it ended and frees nothing twice. Claims are this
/// process's own: they are never lost, and completing one has nothing to hand on — a run the process's
/// stop interrupted is found <c>Running</c> in the store and requeued by the next start's recovery.
/// </summary>
internal sealed class JobQueue(int capacity) : IJobQueue
{
    private readonly Channel<string> _line = Channel.CreateUnbounded<string>();
    private readonly HashSet<string> _waiting = new(StringComparer.Ordinal);

    public Task<int> CountWaitingAsync(CancellationToken cancellationToken)
    {
        lock (_waiting)
            return Task.FromResult(_waiting.Count);
    }

    /// <summary>Takes a place for a new job; false when <c>capacity</c> jobs wait already.</summary>
    public Task<bool> TryReserveAsync(string jobId, CancellationToken cancellationToken)
    {
        lock (_waiting)
            return Task.FromResult(_waiting.Count < capacity && _waiting.Add(jobId));
    }

    public Task EnqueueAsync(string jobId, CancellationToken cancellationToken)
    {
        _line.Writer.TryWrite(jobId);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Puts back a job a previous process accepted, whatever the capacity. This queue starts empty with
    /// the process, so it holds none of them yet.
    /// </summary>
    public Task RequeueAsync(string jobId, CancellationToken cancellationToken)
    {
        lock (_waiting)
            _waiting.Add(jobId);
        return EnqueueAsync(jobId, cancellationToken);
    }

    public Task ReleaseAsync(string jobId, CancellationToken cancellationToken)
    {
        Release(jobId);
        return Task.CompletedTask;
    }

    /// <summary>The next id in line, its place given back as the worker takes it.</summary>
    public async Task<JobClaim> ClaimAsync(CancellationToken stopping)
    {
        var jobId = await _line.Reader.ReadAsync(stopping);
        Release(jobId);
        // One process, one owner: the token only tells claims apart in logs, and the claim is never lost.
        return new JobClaim(jobId, Guid.NewGuid().ToString("N"), CancellationToken.None);
    }

    public Task CompleteAsync(JobClaim claim, JobClaimEnd end, CancellationToken cancellationToken) => Task.CompletedTask;

    private void Release(string jobId)
    {
        lock (_waiting)
            _waiting.Remove(jobId);
    }
}
