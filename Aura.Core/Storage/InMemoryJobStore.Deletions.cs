namespace Aura.Core.Storage;

// Deleting jobs, and the tombstones that let their files be removed.
public sealed partial class InMemoryJobStore
{
    private readonly SortedSet<string> _deleted = new(StringComparer.Ordinal);

    public Task<bool> DeleteAsync(string jobId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_history.Remove(jobId))
                return Task.FromResult(false);
            _deleted.Add(jobId);
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<string>> ListDeletedAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<string>>(_deleted.ToList());
    }

    public Task<bool> ForgetDeletedAsync(string jobId, CancellationToken cancellationToken)
    {
        lock (_gate)
            return Task.FromResult(_deleted.Remove(jobId));
    }
}
