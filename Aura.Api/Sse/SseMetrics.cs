using System.Diagnostics.Metrics;
using System.Collections.Concurrent;
using Aura.Core.Kernel;

namespace Aura.Api.Sse;

/// <summary>
/// The event streams' figures, as <see cref="System.Diagnostics.Metrics"/> instruments (for
/// <c>/metrics</c>) and as totals (for <c>/health</c>): open now, opened and closed in all, time
/// connected, events sent, writes that stalled past <c>Sse:WriteTimeout</c>, and streams refused by
/// the limits. Limits themselves are the rate limiter's (see <c>Limits.RateLimits</c>).
/// </summary>
public sealed class SseMetrics
{
    // Prometheus names are the meter's and the instrument's: aura_streams_open, aura_streams_events_sent, …
    public const string MeterName = "Aura.Streams";

    private readonly TimeProvider _time;
    private readonly Counter<long> _openedCounter;
    private readonly Counter<long> _eventsCounter;
    private readonly Counter<long> _timeoutsCounter;
    private readonly Counter<long> _refusedCounter;
    private readonly Histogram<double> _durations;
    private int _open;
    private long _opened;
    private long _closed;
    private long _events;
    private long _writeTimeouts;
    private long _refused;
    private long _connectedTicks;

    public SseMetrics(IMeterFactory meters, TimeProvider time)
    {
        _time = time;
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("open", () => OpenStreams, description: "Event streams open now.");
        _openedCounter = meter.CreateCounter<long>("opened", description: "Event streams opened.");
        _eventsCounter = meter.CreateCounter<long>("events_sent", description: "Events written to streams.");
        _timeoutsCounter = meter.CreateCounter<long>("write_timeouts", description: "Streams ended because a write stalled past Sse:WriteTimeout.");
        _refusedCounter = meter.CreateCounter<long>("refused", description: "Streams refused by the stream limits (429).");
        _durations = meter.CreateHistogram<double>("duration", unit: "s", description: "How long streams stayed open.");
    }

    public int OpenStreams => Volatile.Read(ref _open);

    public long StreamsOpened => Interlocked.Read(ref _opened);

    public long StreamsClosed => Interlocked.Read(ref _closed);

    public long EventsSent => Interlocked.Read(ref _events);

    public long WriteTimeouts => Interlocked.Read(ref _writeTimeouts);

    public long StreamsRefused => Interlocked.Read(ref _refused);

    /// <summary>The average time a closed stream stayed open; null before any closed.</summary>
    public double? AverageConnectedSeconds => StreamsClosed == 0 ? null
        : TimeSpan.FromTicks(Interlocked.Read(ref _connectedTicks)).TotalSeconds / StreamsClosed;

    /// <summary>Counts a stream as open; dispose to count it closed.</summary>
    public IDisposable Open()
    {
        Interlocked.Increment(ref _open);
        Interlocked.Increment(ref _opened);
        _openedCounter.Add(1);
        return new Lease(this, _time.GetTimestamp());
    }

    public void CountEvents(int count)
    {
        Interlocked.Add(ref _events, count);
        _eventsCounter.Add(count);
    }

    public void CountWriteTimeout()
    {
        Interlocked.Increment(ref _writeTimeouts);
        _timeoutsCounter.Add(1);
    }

    public void CountRefused()
    {
        Interlocked.Increment(ref _refused);
        _refusedCounter.Add(1);
    }

    private void Close(long openedAt)
    {
        var connected = _time.GetElapsedTime(openedAt);
        Interlocked.Add(ref _connectedTicks, connected.Ticks);
        Interlocked.Increment(ref _closed);
        Interlocked.Decrement(ref _open);
        _durations.Record(connected.TotalSeconds);
    }

    private sealed class Lease(SseMetrics metrics, long openedAt) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                metrics.Close(openedAt);
        }
    }
}
