using Aura.Api.Infrastructure;
using Aura.Api.Contracts;
using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Microsoft.Extensions.Options;

namespace Aura.Api.Sse;

/// <summary>
/// The per-job stream: every poll interval (or sooner, when the job changes and
/// <see cref="SseOptions.WakeOnChange"/> is on) it checks the job and sends the diff against the
/// last snapshot it sent on this connection (a poll that no change woke reads the job's version
/// first, and the job only when the version moved); one terminal event ends it, and so does the service
/// stopping. Memory per connection is one snapshot, however slow the client.
/// </summary>
public sealed partial class JobEventStream(Core.Storage.IJobStore store, JobChangeSignal signal, StreamPolls polls, SseWaiting waits,
    SharedJobReads reads, EncodedBatches batches, SseMetrics metrics, IOptions<SseOptions> options, TimeProvider time, IHostApplicationLifetime lifetime,
    ILogger<JobEventStream> logger)
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
        using var writer = new SseStreamWriter(context.Response, time, metrics, _options.WriteTimeout, ended);
        var started = time.GetTimestamp();
        var seesPaths = Security.Principals.SeesPaths(context.User);
        using var following = polls.Follow(jobId);
        LogOpened(jobId, lastSent?.Version);
        try
        {
            await writer.StartAsync(_options.RetryMilliseconds);
            var readDue = true;
            while (true)
            {
                // Waking on change, the stream waits on the job's signal and on the shared poll (StreamPolls: one
                // version read per job per interval, the safety net for a lost signal), both taken before the read
                // so that no change between the read and the wait goes unnoticed; its reads are shared too.
                Task? changed = null, moved = null;
                if (_options.WakeOnChange)
                    (changed, moved) = (signal.NextChange(jobId), polls.NextMove(jobId));
                // Without it (polling only), a poll asks the store for the job's version alone, and reads and diffs
                // the job only when that moved. Same version, same job: nothing would have been sent.
                if (!readDue && lastSent is not null && (changed is not null || await store.GetVersionAsync(jobId, ended) == lastSent.Version))
                {
                    await writer.KeepAliveIfDueAsync(_options.KeepAliveInterval);
                    readDue = await waits.WaitAsync(jobId, changed, moved, writer, ended);
                    continue;
                }
                var read = changed is not null ? reads.GetAsync(jobId, changed!, moved!, ended) : store.GetAsync(jobId, ended);
                // Redacted as the client may see it, so the diff against what it was sent stays like for like.
                var current = Security.PathRedaction.ShownTo(context.User, await read);
                if (current is null)
                {
                    await writer.WriteErrorAsync("The job was deleted.", ErrorCodes.JobNotFound, CorrelationId.Of(context));
                    return;
                }
                if (current.Version != lastSent?.Version)
                {
                    var batch = batches.Get(lastSent, current, seesPaths);
                    if (batch.Events > 0)
                        await writer.WriteBatchAsync(batch);
                    lastSent = current;
                    if (current.IsTerminal)
                        return;
                }
                else
                {
                    await writer.KeepAliveIfDueAsync(_options.KeepAliveInterval);
                }
                readDue = await waits.WaitAsync(jobId, changed, moved, writer, ended);
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
            // This stream is still counted until EventStreams releases its lease after this returns: the others are what remain open.
            LogClosed(jobId, writer.EventsWritten, time.GetElapsedTime(started).TotalSeconds, metrics.OpenStreams - 1);
        }
    }

    // Debug: the closing line names the job too, with what was sent; a line per stream opened was a good part of
    // the cost of opening 10,000 of them (profiled).
    [LoggerMessage(LogLevel.Debug, "Event stream opened for job {JobId} (resuming after {LastEventId})")]
    private partial void LogOpened(string jobId, long? lastEventId);

    [LoggerMessage(LogLevel.Information, "Event stream closed for job {JobId}: {Events} events in {Seconds:0.0} s; {OpenStreams} streams open")]
    private partial void LogClosed(string jobId, int events, double seconds, int openStreams);

    [LoggerMessage(LogLevel.Error, "Event stream for job {JobId} failed")]
    private partial void LogStreamFailed(Exception error, string jobId);

    [LoggerMessage(LogLevel.Warning, "Event stream cut: {Reason}")]
    private partial void LogWriteTimedOut(string reason);
}
