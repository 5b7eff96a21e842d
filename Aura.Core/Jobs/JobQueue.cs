using System.Threading.Channels;
using Aura.Core.Kernel;

namespace Aura.Core.Jobs;

/// <summary>
/// The in-process <see cref="IJobQueue"/>: the jobs waiting for a worker, in order, and the places they hold. A job takes its place before it
/// is saved and gives it back exactly once: when a worker takes it, or when it ends while it waits (a
/// cancel). So the capacity counts only jobs that really wait; the id of a job canceled while waiting
/// stays in line, and the worker that reaches it finds it ended and frees nothing twice.
/// </summary>
internal sealed class JobQueue(int capacity) : IJobQueue
{
    private readonly Channel<string> _line = Channel.CreateUnbounded<string>();
    private readonly HashSet<string> _waiting = new(StringComparer.Ordinal);

    public int WaitingCount
    {
        get
        {
            lock (_waiting)
                return _waiting.Count;
        }
    }

    /// <summary>Takes a place for a new job; false when <c>capacity</c> jobs wait already.</summary>
    public bool TryReserve(string jobId)
    {
        lock (_waiting)
            return _waiting.Count < capacity && _waiting.Add(jobId);
    }

    /// <summary>Puts a job that holds its place in line.</summary>
    public void Enqueue(string jobId) => _line.Writer.TryWrite(jobId);

    /// <summary>
    /// Puts back a job a previous process accepted, whatever the capacity: it was promised a run
    /// before this process started.
    /// </summary>
    public void Requeue(string jobId)
    {
        lock (_waiting)
            _waiting.Add(jobId);
        Enqueue(jobId);
    }

    /// <summary>Gives back the job's place, if it still holds one.</summary>
    public void Release(string jobId)
    {
        lock (_waiting)
            _waiting.Remove(jobId);
    }

    /// <summary>The ids in line, each one's place given back as a worker takes it.</summary>
    public async IAsyncEnumerable<string> ClaimAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken stopping)
    {
        await foreach (var jobId in _line.Reader.ReadAllAsync(stopping))
        {
            Release(jobId);
            yield return jobId;
        }
    }
}
