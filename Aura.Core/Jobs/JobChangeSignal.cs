using System.Collections.Concurrent;
using Aura.Core.Kernel;

namespace Aura.Core.Jobs;

/// <summary>
/// Wakes whoever waits on a job (or on any job) when it changes. A waiter takes the task
/// <em>before</em> it reads the job, so a change between the read and the wait is never missed.
/// </summary>
public sealed class JobChangeSignal
{
    private const string AnyJob = "*";
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiters = new(StringComparer.Ordinal);

    /// <summary>Completes at the next change of <paramref name="jobId"/>.</summary>
    public Task NextChange(string jobId) =>
        _waiters.GetOrAdd(jobId, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Completes at the next change of any job.</summary>
    public Task NextChangeOfAnyJob() => NextChange(AnyJob);

    public void Raise(string jobId)
    {
        if (_waiters.TryRemove(jobId, out var job))
            job.TrySetResult();
        if (_waiters.TryRemove(AnyJob, out var any))
            any.TrySetResult();
    }
}
