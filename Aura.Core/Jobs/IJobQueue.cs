namespace Aura.Core.Jobs;

/// <summary>
/// The jobs waiting for a worker, and the places they hold. The seam a queue shared by several
/// instances replaces; <see cref="JobQueue"/> (this process only) is the default. A job takes its
/// place before it is saved and gives it back exactly once: when a worker claims it, or when it
/// ends while it waits.
/// </summary>
public interface IJobQueue
{
    /// <summary>Takes a place for a new job; false when the queue is full.</summary>
    bool TryReserve(string jobId);

    /// <summary>Puts a job that holds its place in line.</summary>
    void Enqueue(string jobId);

    /// <summary>Puts back a job a previous process accepted, whatever the capacity.</summary>
    void Requeue(string jobId);

    /// <summary>Gives back the job's place, if it still holds one (it ended while it waited).</summary>
    void Release(string jobId);

    /// <summary>The ids in line, for the workers; each one's place is given back as it is claimed.</summary>
    IAsyncEnumerable<string> ClaimAllAsync(CancellationToken stopping);

    /// <summary>How many jobs hold a place now.</summary>
    int WaitingCount { get; }
}
