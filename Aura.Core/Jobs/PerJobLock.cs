namespace Aura.Core.Jobs;

/// <summary>
/// One lock per job, made on first use and dropped when its last user leaves: writes to one job take
/// turns, writes to different jobs never wait for each other.
/// </summary>
internal sealed class PerJobLock
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Waits for the job's lock; disposing the result releases it.</summary>
    public async Task<IDisposable> EnterAsync(string jobId, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_entries)
        {
            if (!_entries.TryGetValue(jobId, out entry!))
                _entries[jobId] = entry = new Entry();
            entry.Users++;
        }

        try
        {
            await entry.Gate.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(jobId, entry);
            throw;
        }
        return new Held(this, jobId, entry);
    }

    private void Leave(string jobId, Entry entry)
    {
        lock (_entries)
        {
            if (--entry.Users == 0)
                _entries.Remove(jobId);
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Held(PerJobLock owner, string jobId, Entry entry) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0)
                return;
            entry.Gate.Release();
            owner.Leave(jobId, entry);
        }
    }
}
