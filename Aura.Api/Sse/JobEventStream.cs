using System.Text.Json;
using Aura.Api.Infrastructure;
using Aura.Api.Contracts;
using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Microsoft.Extensions.Options;

namespace Aura.Api.Sse;

/// <summary>
/// The per-job stream: every poll interval (or sooner, when the job changes and
/// <see cref="SseOptions.WakeOnChange"/> is on) it reads the job and sends the diff against the
/// last snapshot it sent on this connection; one terminal event ends it, and so does the service
/// stopping. Memory per connection is one snapshot, however slow the client.
/// </summary>
public sealed partial class JobEventStream(Core.Storage.IJobStore store, JobChangeSignal signal, SseMetrics metrics, IOptions<SseOptions> options,
    TimeProvider time, IHostApplicationLifetime lifetime, ILogger<JobEventStream> logger)
{
    private readonly SseOptions _options = options.Value;

    /// <summary>Streams until the job ends or the client leaves. <paramref name="lastSent"/> is the client's place (null: the whole state).</summary>
    public async Task RunAsync(HttpContext context, string jobId, JobSnapshot? lastSent)
    {
        var clientGone = context.RequestAborted;
        // The stream also ends when the service stops, so that clients reconnect (to the next
        // instance) and resume at once, instead of watching a dying server until the host's
        // shutdown timeout aborts them.
        using var open = CancellationTokenSource.CreateLinkedTokenSource(clientGone, lifetime.ApplicationStopping);
        var ended = open.Token;
        var writer = new SseStreamWriter(context.Response, time, metrics, _options.WriteTimeout);
        var started = time.GetTimestamp();
        LogOpened(jobId, lastSent?.Version);
        try
        {
            await writer.StartAsync(_options.RetryMilliseconds, clientGone);
            while (true)
            {
                var changed = _options.WakeOnChange ? signal.NextChange(jobId) : null;
                // Redacted as the client may see it, so the diff against what it was sent stays like for like.
                var current = Security.PathRedaction.ShownTo(context.User, await store.GetAsync(jobId, ended));
                if (current is null)
                {
                    await writer.WriteErrorAsync("The job was deleted.", ErrorCodes.JobNotFound, CorrelationId.Of(context), ended);
                    return;
                }
                if (current.Version != lastSent?.Version)
                {
                    var events = JobDiff.Compute(lastSent, current);
                    if (events.Count > 0)
                        await writer.WriteBatchAsync(events.Select(ToMessage).ToList(), current.Version, ended);
                    lastSent = current;
                    if (current.IsTerminal)
                        return;
                }
                else
                {
                    await writer.KeepAliveIfDueAsync(_options.KeepAliveInterval, ended);
                }
                await SseWaiting.WaitAsync(changed, writer.NextWait(_options.PollInterval, _options.KeepAliveInterval), time, ended);
            }
        }
        catch (SseWriteTimeoutException stalled)
        {
            LogWriteTimedOut(stalled.Message);
        }
        catch (Exception) when (ended.IsCancellationRequested)
        {
            // The client left, or the service is stopping (whatever the read or write cut short threw):
            // the loop ends at once and so does the response (its last chunk tells the client the
            // stream is over).
        }
        catch (Exception ex) when (context.Response.HasStarted)
        {
            LogStreamFailed(ex, jobId);
            await writer.TryWriteErrorAsync("The event stream failed; reconnect to resume.", ErrorCodes.Internal, CorrelationId.Of(context));
        }
        finally
        {
            LogClosed(jobId, writer.EventsWritten, time.GetElapsedTime(started).TotalSeconds, metrics.OpenStreams);
        }
    }

    private static SseMessage ToMessage(JobEvent evt) => new(evt.Name, JsonSerializer.Serialize(evt, evt.GetType(), WireJson.Options));

    [LoggerMessage(LogLevel.Information, "Event stream opened for job {JobId} (resuming after {LastEventId})")]
    private partial void LogOpened(string jobId, long? lastEventId);

    [LoggerMessage(LogLevel.Information, "Event stream closed for job {JobId}: {Events} events in {Seconds:0.0} s; {OpenStreams} streams open")]
    private partial void LogClosed(string jobId, int events, double seconds, int openStreams);

    [LoggerMessage(LogLevel.Error, "Event stream for job {JobId} failed")]
    private partial void LogStreamFailed(Exception error, string jobId);

    [LoggerMessage(LogLevel.Warning, "Event stream cut: {Reason}")]
    private partial void LogWriteTimedOut(string reason);
}
