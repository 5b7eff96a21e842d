using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace Aura.Api.Limits;

/// <summary>
/// A concurrency limiter whose permits live in Redis (<see cref="SharedStreamCount"/>), for ASP.NET Core's
/// rate limiter: one per partition (a principal, or "all"). Written by hand because the framework's
/// limiters count in this process only and no Redis-backed one ships with it. When Redis cannot be asked,
/// it lets the stream through: the per-node limiters chained before it still hold, and a stream that needs
/// the store answers 503 by itself.
/// </summary>
internal sealed class SharedConcurrencyLimiter(SharedStreamCount count, RedisKey key, int limit) : RateLimiter
{
    public override TimeSpan? IdleDuration => null;

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) =>
        AcquireAsyncCore(permitCount, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        try
        {
            var member = await count.TryTakeAsync(key, limit).WaitAsync(cancellationToken);
            return member is null ? Lease.Refused : new Lease(() => count.Release(key, member));
        }
        catch (Exception error) when (error is RedisException or TimeoutException)
        {
            return new Lease(() => { });
        }
    }

    private sealed class Lease(Action release) : RateLimitLease
    {
        public static readonly Lease Refused = new(null!) { _acquired = false };

        private bool _acquired = true;
        private Action? _release = release;

        public override bool IsAcquired => _acquired;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && _acquired)
                Interlocked.Exchange(ref _release, null)?.Invoke();
        }
    }
}
