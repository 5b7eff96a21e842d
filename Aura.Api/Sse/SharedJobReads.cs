using System.Collections.Concurrent;
using Aura.Core.Kernel;
using Aura.Core.Storage;

namespace Aura.Api.Sse;

/// <summary>
/// One store read of a job shared by every stream that needs it at the same moment (a change wakes
/// 1,000 subscribers: one read, not 1,000). A read is keyed by the tasks its streams wait on next (the
/// change signal's and the poll's, both taken before the read): a stream joins a read only when it holds
/// the very same tasks, which were still pending when that read started — so no change can lie between
/// the read and the stream's wait without waking it, exactly as with a read of its own.
/// </summary>
public sealed class SharedJobReads(IJobStore store)
{
    private readonly ConcurrentDictionary<string, Read> _reads = new(StringComparer.Ordinal);

    public Task<JobSnapshot?> GetAsync(string jobId, Task changed, Task moved, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_reads.TryGetValue(jobId, out var shared))
            {
                if (ReferenceEquals(shared.Changed, changed) && ReferenceEquals(shared.Moved, moved) && !shared.Job.IsFaulted && !shared.Job.IsCanceled)
                    return shared.Job.WaitAsync(cancellationToken);
                var replacing = new Read(changed, moved, new Lazy<Task<JobSnapshot?>>(() => ReadAsync(jobId)));
                if (_reads.TryUpdate(jobId, replacing, shared))
                    return replacing.Job.WaitAsync(cancellationToken);
            }
            else
            {
                var first = new Read(changed, moved, new Lazy<Task<JobSnapshot?>>(() => ReadAsync(jobId)));
                if (_reads.TryAdd(jobId, first))
                    return first.Job.WaitAsync(cancellationToken);
            }
        }
    }

    /// <summary>Drops what is kept for a job no stream follows any more (called when its last stream ends).</summary>
    public void Forget(string jobId) => _reads.TryRemove(jobId, out _);

    // Not canceled by the stream that started it: others may be waiting on it (each waits with its own token).
    private Task<JobSnapshot?> ReadAsync(string jobId) => store.GetAsync(jobId, CancellationToken.None);

    private sealed record Read(Task Changed, Task Moved, Lazy<Task<JobSnapshot?>> Started)
    {
        public Task<JobSnapshot?> Job => Started.Value;
    }
}
