using System.Buffers;
using Aura.Api.Contracts;
using System.Text.Json;
using Aura.Api.Infrastructure;
using Microsoft.Net.Http.Headers;
using Aura.Core.Kernel;

namespace Aura.Api.Sse;

/// <summary>
/// Writes one event stream: headers flushed at once (before any state change, so clients and
/// proxies see a live stream), then events and keep-alive comments, each flushed as it is written.
/// Every write ends when the stream has <paramref name="ended"/>. A write that stalls past
/// <paramref name="writeTimeout"/> (a client that stopped reading: the server's buffers are full) cuts the
/// connection and throws <see cref="SseWriteTimeoutException"/>, so such a client never holds growing
/// memory or a stream slot.
/// </summary>
public sealed class SseStreamWriter : IDisposable
{
    private const int Stalled = 1, Ended = 2;

    private readonly HttpResponse _response;
    private readonly TimeProvider _time;
    private readonly SseMetrics _metrics;
    private readonly TimeSpan _writeTimeout;
    // One cancellation and one stall timer for the stream's whole life, armed around a write that has to wait,
    // rather than a timed source and a linked one per write (profiled: they were a good part of each
    // keep-alive's cost).
    private readonly CancellationTokenSource _cut = new();
    // Made at the first write that has to wait: most streams never meet one.
    private ITimer? _stallTimer;
    private readonly CancellationTokenRegistration _endedRegistration;
    private int _cutBy;

    public SseStreamWriter(HttpResponse response, TimeProvider time, SseMetrics metrics, TimeSpan writeTimeout, CancellationToken ended)
    {
        (_response, _time, _metrics, _writeTimeout) = (response, time, metrics, writeTimeout);
        LastWriteAt = time.GetUtcNow();
        _endedRegistration = ended.UnsafeRegister(static writer => ((SseStreamWriter)writer!).Cut(Ended), this);
    }

    public DateTimeOffset LastWriteAt { get; private set; }

    public int EventsWritten { get; private set; }

    public async Task StartAsync(int retryMilliseconds)
    {
        _response.StatusCode = StatusCodes.Status200OK;
        _response.ContentType = "text/event-stream; charset=utf-8";
        _response.Headers[HeaderNames.CacheControl] = "no-cache, no-transform";
        _response.Headers["X-Accel-Buffering"] = "no";
        // Disable response buffering so each write reaches the client when flushed.
        _response.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>()?.DisableBuffering();
        await _response.StartAsync(_cut.Token);
        await WriteAsync(SseFraming.Retry(retryMilliseconds));
    }

    /// <summary>A batch framed and encoded once for every stream that sends it (<see cref="EncodedBatches"/>).</summary>
    public Task WriteBatchAsync(EncodedBatch batch)
    {
        EventsWritten += batch.Events;
        _metrics.CountEvents(batch.Events);
        return WriteAsync(batch.Bytes);
    }

    /// <summary>Events framed and encoded once for every stream that sends them (<see cref="AllJobsListing"/>), flushed together.</summary>
    public Task WriteEventsAsync(IReadOnlyList<byte[]> events)
    {
        if (events.Count == 0)
            return Task.CompletedTask;
        EventsWritten += events.Count;
        _metrics.CountEvents(events.Count);
        return WriteAsync(events[^1], events);
    }

    public Task WriteEventAsync(SseMessage message, long? id)
    {
        EventsWritten++;
        _metrics.CountEvents(1);
        return WriteAsync(SseFraming.Event(message, id));
    }

    /// <summary>The contract's <c>error</c> event: the stream itself failed (or its job is gone) and ends after it.</summary>
    public Task WriteErrorAsync(string message, string code, string correlationId) =>
        WriteEventAsync(new SseMessage("error", JsonSerializer.Serialize(new { message, code, correlationId }, WireJson.Options)), null);

    /// <summary>Tells the client the stream failed, when the connection still lets us.</summary>
    public async Task TryWriteErrorAsync(string message, string code, string correlationId)
    {
        try
        {
            await WriteErrorAsync(message, code, correlationId);
        }
        catch (Exception)
        {
            // The connection is already broken; there is no one left to tell.
        }
    }

    /// <summary>When a keep-alive falls due: <paramref name="interval"/> after the last write.</summary>
    public DateTimeOffset KeepAliveDueAt(TimeSpan interval) => LastWriteAt + interval;

    /// <summary>Writes a keep-alive comment when nothing was written for <paramref name="interval"/>.</summary>
    public async Task KeepAliveIfDueAsync(TimeSpan interval)
    {
        if (UntilKeepAlive(interval) == TimeSpan.Zero)
            await WriteAsync(SseFraming.Comment($"keepalive: {WireJson.Format(_time.GetUtcNow())}"));
    }

    /// <summary>How long to wait before the next poll: the poll interval, or less when a keep-alive falls due sooner.</summary>
    public TimeSpan NextWait(TimeSpan pollInterval, TimeSpan keepAliveInterval)
    {
        var untilKeepAlive = UntilKeepAlive(keepAliveInterval);
        return pollInterval < untilKeepAlive ? pollInterval : untilKeepAlive;
    }

    public void Dispose()
    {
        // The cancellation source is left to the GC: it has no timer of its own, and a stall timer's callback
        // still running now may yet cancel it.
        _endedRegistration.Dispose();
        _stallTimer?.Dispose();
    }

    private TimeSpan UntilKeepAlive(TimeSpan interval)
    {
        var due = KeepAliveDueAt(interval) - _time.GetUtcNow();
        return due > TimeSpan.Zero ? due : TimeSpan.Zero;
    }

    private Task WriteAsync(string text) => WriteAsync(System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>Writes <paramref name="leading"/>'s items but the last (which is <paramref name="bytes"/>), then <paramref name="bytes"/> with one flush.</summary>
    private async Task WriteAsync(ReadOnlyMemory<byte> bytes, IReadOnlyList<byte[]>? leading = null)
    {
        try
        {
            for (var i = 0; i < (leading?.Count ?? 1) - 1; i++)
                _response.BodyWriter.Write(leading![i]);
            // One call writes and flushes. To a client that reads, it completes at once, and then needs no stall timer;
            // only a write the socket makes wait (back-pressure: a slow client, or one that stopped reading) is timed.
            var written = _response.BodyWriter.WriteAsync(bytes, _cut.Token);
            if (!written.IsCompleted)
                await WithStallTimerAsync(written);
            else
                written.GetAwaiter().GetResult();
        }
        // Only a cut by the stall timer is a stall: Kestrel aborts the connection itself when a write is canceled,
        // so by now the request's token may be canceled too.
        catch (Exception ex) when (Volatile.Read(ref _cutBy) == Stalled && ex is OperationCanceledException or IOException)
        {
            _metrics.CountWriteTimeout();
            // The response is half written: only cutting the connection frees its buffers.
            _response.HttpContext.Abort();
            throw new SseWriteTimeoutException(_writeTimeout);
        }
        LastWriteAt = _time.GetUtcNow();
    }

    private async Task WithStallTimerAsync(ValueTask<System.IO.Pipelines.FlushResult> written)
    {
        var stallTimer = _stallTimer ??= _time.CreateTimer(static writer => ((SseStreamWriter)writer!).Cut(Stalled), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        stallTimer.Change(_writeTimeout, Timeout.InfiniteTimeSpan);
        try
        {
            await written;
        }
        finally
        {
            stallTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Cancels every write from now on; the first cause is the one kept.</summary>
    private void Cut(int cause)
    {
        if (Interlocked.CompareExchange(ref _cutBy, cause, 0) == 0)
            _cut.Cancel();
    }
}
