namespace Aura.Core.Storage;

// Deleting jobs: the tombstone that lets their files be removed, and the numbered deletion streams resume over.
public sealed partial class InMemoryJobStore
{
    private readonly Dictionary<string, (JobDeletion Deletion, bool FilesPending)> _deleted = new(StringComparer.Ordinal);

    public Task<bool> DeleteAsync(string jobId, DateTimeOffset deletedAt, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_history.Remove(jobId))
                return Task.FromResult(false);
            _deleted[jobId] = (new JobDeletion(jobId, ++_lastVersion, deletedAt), true);
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<string>> ListDeletedAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<string>>(
                _deleted.Where(d => d.Value.FilesPending).Select(d => d.Key).Order(StringComparer.Ordinal).ToList());
    }

    public Task<bool> ForgetDeletedAsync(string jobId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_deleted.TryGetValue(jobId, out var entry) || !entry.FilesPending)
                return Task.FromResult(false);
            _deleted[jobId] = entry with { FilesPending = false };
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<JobDeletion>> ListDeletionsAfterAsync(long afterVersion, int limit, CancellationToken cancellationToken)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<JobDeletion>>(_deleted.Values.Select(d => d.Deletion)
                .Where(d => d.Version > afterVersion).OrderBy(d => d.Version).Take(limit).ToList());
    }

    public Task<int> PruneDeletionsAsync(DateTimeOffset deletedBefore, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var forget = _deleted.Where(d => !d.Value.FilesPending && d.Value.Deletion.DeletedAt < deletedBefore).Select(d => d.Key).ToList();
            forget.ForEach(jobId => _deleted.Remove(jobId));
            return Task.FromResult(forget.Count);
        }
    }
}
