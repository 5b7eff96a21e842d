using Microsoft.Net.Http.Headers;

namespace Aura.Api.Sse;

/// <summary>
/// Writes one event stream: headers flushed at once (before any state change, so clients and
/// proxies see a live stream), then events and keep-alive comments, each flushed as it is written.
/// </summary>
public sealed class SseStreamWriter(HttpResponse response, TimeProvider time)
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
        return WriteAsync(SseFraming.Batch(messages, id), cancellationToken);
    }

    public Task WriteEventAsync(SseMessage message, long? id, CancellationToken cancellationToken)
    {
        EventsWritten++;
        return WriteAsync(SseFraming.Event(message, id), cancellationToken);
    }

    public Task WriteKeepAliveAsync(CancellationToken cancellationToken) =>
        WriteAsync(SseFraming.Comment($"keepalive: {Infrastructure.AuraJson.Format(time.GetUtcNow())}"), cancellationToken);

    /// <summary>How long until a keep-alive is due (zero when it is due now).</summary>
    public TimeSpan UntilKeepAlive(TimeSpan interval)
    {
        var due = LastWriteAt + interval - time.GetUtcNow();
        return due > TimeSpan.Zero ? due : TimeSpan.Zero;
    }

    private async Task WriteAsync(string text, CancellationToken cancellationToken)
    {
        await response.WriteAsync(text, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
        LastWriteAt = time.GetUtcNow();
    }
}
