using System.Collections.Concurrent;
using Aura.Core.Kernel;

namespace Aura.Api.Sse;

/// <summary>Counts open event streams, in all and per client, for <c>/health</c> and the per-client limit.</summary>
public sealed class SseMetrics
{
    private readonly ConcurrentDictionary<string, int> _perClient = new(StringComparer.Ordinal);
    private int _open;
    private long _opened;

    public int OpenStreams => Volatile.Read(ref _open);

    public long StreamsOpened => Interlocked.Read(ref _opened);

    /// <summary>Counts a stream for <paramref name="client"/> unless it already holds <paramref name="limit"/>; dispose to uncount.</summary>
    public IDisposable? TryOpen(string client, int limit)
    {
        var held = _perClient.AddOrUpdate(client, 1, (_, n) => n + 1);
        if (held > limit)
        {
            Release(client);
            return null;
        }
        Interlocked.Increment(ref _open);
        Interlocked.Increment(ref _opened);
        return new Lease(this, client);
    }

    private void Release(string client)
    {
        // Remove the entry once it reaches zero so that clients that left do not pile up.
        if (_perClient.AddOrUpdate(client, 0, (_, n) => n - 1) <= 0)
            _perClient.TryRemove(new KeyValuePair<string, int>(client, 0));
    }

    private sealed class Lease(SseMetrics metrics, string client) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1)
                return;
            Interlocked.Decrement(ref metrics._open);
            metrics.Release(client);
        }
    }
}
