using Aura.Api.Contracts;
using System.Text.Json;
using Aura.Api.Infrastructure;
using Microsoft.Net.Http.Headers;
using Aura.Core.Kernel;

namespace Aura.Api.Sse;

/// <summary>
/// Writes one event stream: headers flushed at once (before any state change, so clients and
/// proxies see a live stream), then events and keep-alive comments, each flushed as it is written.
/// A write that stalls past <paramref name="writeTimeout"/> (a client that stopped reading: the
/// server's buffers are full) cuts the connection and throws <see cref="SseWriteTimeoutException"/>,
/// so such a client never holds growing memory or a stream slot.
/// </summary>
public sealed class SseStreamWriter(HttpResponse response, TimeProvider time, SseMetrics metrics, TimeSpan writeTimeout)
{
    public DateTimeOffset LastWriteAt { get; private set; } = time.GetUtcNow();

    public int EventsWritten { get; private set; }

    public async Task StartAsync(int retryMilliseconds, CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers[HeaderNames.CacheControl] = "no-cache, no-transform";
        response.Headers["X-Accel-Buffering"] = "no";
        // Disable response buffering so each write reaches the client when flushed.
        response.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>()?.DisableBuffering();
        await response.StartAsync(cancellationToken);
        await WriteAsync(SseFraming.Retry(retryMilliseconds), cancellationToken);
    }

    public Task WriteBatchAsync(IReadOnlyList<SseMessage> messages, long id, CancellationToken cancellationToken)
    {
        EventsWritten += messages.Count;
        metrics.CountEvents(messages.Count);
        return WriteAsync(SseFraming.Batch(messages, id), cancellationToken);
    }

    /// <summary>A batch framed and encoded once for every stream that sends it (<see cref="EncodedBatches"/>).</summary>
    public Task WriteBatchAsync(EncodedBatch batch, CancellationToken cancellationToken)
    {
        EventsWritten += batch.Events;
        metrics.CountEvents(batch.Events);
        return WriteAsync(batch.Bytes, cancellationToken);
    }

    public Task WriteEventAsync(SseMessage message, long? id, CancellationToken cancellationToken)
    {
        EventsWritten++;
        metrics.CountEvents(1);
        return WriteAsync(SseFraming.Event(message, id), cancellationToken);
    }

    /// <summary>The contract's <c>error</c> event: the stream itself failed (or its job is gone) and ends after it.</summary>
    public Task WriteErrorAsync(string message, string code, string correlationId, CancellationToken cancellationToken) =>
        WriteEventAsync(new SseMessage("error", JsonSerializer.Serialize(new { message, code, correlationId }, WireJson.Options)), null, cancellationToken);

    /// <summary>Tells the client the stream failed, when the connection still lets us.</summary>
    public async Task TryWriteErrorAsync(string message, string code, string correlationId)
    {
        try
        {
            await WriteErrorAsync(message, code, correlationId, CancellationToken.None);
        }
        catch (Exception)
        {
            // The connection is already broken; there is no one left to tell.
        }
    }

    /// <summary>Writes a keep-alive comment when nothing was written for <paramref name="interval"/>.</summary>
    public async Task KeepAliveIfDueAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        if (UntilKeepAlive(interval) == TimeSpan.Zero)
            await WriteAsync(SseFraming.Comment($"keepalive: {WireJson.Format(time.GetUtcNow())}"), cancellationToken);
    }

    /// <summary>How long to wait before the next poll: the poll interval, or less when a keep-alive falls due sooner.</summary>
    public TimeSpan NextWait(TimeSpan pollInterval, TimeSpan keepAliveInterval)
    {
        var untilKeepAlive = UntilKeepAlive(keepAliveInterval);
        return pollInterval < untilKeepAlive ? pollInterval : untilKeepAlive;
    }

    private TimeSpan UntilKeepAlive(TimeSpan interval)
    {
        var due = LastWriteAt + interval - time.GetUtcNow();
        return due > TimeSpan.Zero ? due : TimeSpan.Zero;
    }

    private Task WriteAsync(string text, CancellationToken cancellationToken) =>
        WriteAsync(System.Text.Encoding.UTF8.GetBytes(text), cancellationToken);

    private async Task WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        using var stall = new CancellationTokenSource(writeTimeout, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stall.Token);
        try
        {
            await response.Body.WriteAsync(bytes, either.Token);
            await response.Body.FlushAsync(either.Token);
        }
        // Only the stall's own token is tested: Kestrel aborts the connection itself when a write is
        // canceled, so by now the request's token may be canceled too.
        catch (Exception ex) when (stall.IsCancellationRequested && ex is OperationCanceledException or IOException)
        {
            metrics.CountWriteTimeout();
            // The response is half written: only cutting the connection frees its buffers.
            response.HttpContext.Abort();
            throw new SseWriteTimeoutException(writeTimeout);
        }
        LastWriteAt = time.GetUtcNow();
    }
}
