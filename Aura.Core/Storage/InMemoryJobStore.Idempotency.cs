namespace Aura.Core.Storage;

// Idempotency keys, under the same lock as the jobs so a claim is atomic.
public sealed partial class InMemoryJobStore
{
    private readonly Dictionary<string, IdempotencyKey> _keys = new(StringComparer.Ordinal);

    public Task<IdempotencyClaim> ClaimIdempotencyKeyAsync(IdempotencyKey key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
            return Task.FromCanceled<IdempotencyClaim>(cancellationToken);
        lock (_gate)
        {
            if (_keys.TryGetValue(key.Key, out var existing) && !existing.IsExpiredAt(now))
                return Task.FromResult(new IdempotencyClaim(false, existing));
            _keys[key.Key] = key;
            return Task.FromResult(new IdempotencyClaim(true, key));
        }
    }

    public Task<bool> ReleaseIdempotencyKeyAsync(string key, string jobId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var released = _keys.TryGetValue(key, out var existing)
                && string.Equals(existing.JobId, jobId, StringComparison.Ordinal)
                && _keys.Remove(key);
            return Task.FromResult(released);
        }
    }

    public Task<int> RemoveExpiredIdempotencyKeysAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var expired = _keys.Values.Where(k => k.IsExpiredAt(now)).Select(k => k.Key).ToList();
            foreach (var key in expired)
                _keys.Remove(key);
            return Task.FromResult(expired.Count);
        }
    }
}
