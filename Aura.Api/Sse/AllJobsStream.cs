using System.Text.Json;
using Aura.Api.Contracts;
using Aura.Api.Infrastructure;
using Aura.Core.Jobs;
using Aura.Core.Storage;
using Aura.Core.Kernel;
using Microsoft.Extensions.Options;

namespace Aura.Api.Sse;

/// <summary>
/// One stream for every job: each job that changed after the client's place is sent whole as
/// <c>job-update</c> with <c>id:</c> its version, in version order. A client that resumes with
/// <c>Last-Event-ID: v</c> gets only jobs whose version is greater than v, and a <c>job-deleted</c>
/// event for each deletion numbered after v (a client that starts from nothing is sent no past
/// deletions: it never saw those jobs). It ends when the client leaves or the service stops.
/// </summary>
public sealed partial class AllJobsStream(IJobStore store, JobChangeSignal signal, StreamPolls polls, SseWaiting waits, SharedJobListings listings, SseMetrics metrics, IOptions<SseOptions> options, TimeProvider time,
    IHostApplicationLifetime lifetime, ILogger<AllJobsStream> logger)
{
    private readonly SseOptions _options = options.Value;

    public async Task RunAsync(HttpContext context, long afterVersion, IReadOnlySet<JobStatus> statuses)
    {
        var clientGone = context.RequestAborted;
        // The stream also ends when the service stops, so that clients reconnect (to the next
        // instance) and resume at once, instead of watching a dying server until the host's
        // shutdown timeout aborts them.
        using var open = CancellationTokenSource.CreateLinkedTokenSource(clientGone, lifetime.ApplicationStopping);
        var ended = open.Token;
        using var writer = new SseStreamWriter(context.Response, time, metrics, _options.WriteTimeout, ended);
        using var following = polls.Follow(null);
        try
        {
            await writer.StartAsync(_options.RetryMilliseconds);
            // Deletions the client can know of: after its place, or, for a client starting from the whole state, after
            // the number issued when its first listing began (earlier deletions are of jobs it will never be sent).
            long? deletionsAfter = afterVersion > 0 ? afterVersion : null;
            var seesPaths = Security.Principals.SeesPaths(context.User);
            var seesAll = Security.Principals.SeesAll(context.User);
            // The last number the store had issued before the last listing that came back whole: nothing
            // numbered at or below it is left to send. A poll that no change woke (the safety net for a lost
            // signal, or the only way with WakeOnChange off) lists again only when the store has issued more.
            long? listedUpTo = null;
            var listDue = true;
            while (true)
            {
                // Waking on change, the stream waits on the signal and on the shared poll (StreamPolls: one read of
                // the last number per interval for every all-jobs stream), and reads nothing until one wakes it; its
                // listings are shared by the streams at the same place (SharedJobListings).
                Task? changed = null, moved = null;
                if (_options.WakeOnChange)
                    (changed, moved) = (signal.NextChangeOfAnyJob(), polls.NextMove(null));
                if (!listDue && (changed is not null || await store.GetLastVersionAsync(ended) == listedUpTo))
                {
                    await writer.KeepAliveIfDueAsync(_options.KeepAliveInterval);
                    listDue = await waits.WaitAsync(null, changed, moved, writer, ended);
                    continue;
                }
                var deletionsFrom = deletionsAfter is { } after ? Math.Max(afterVersion, after) : (long?)null;
                var listing = changed is not null
                    ? await listings.GetAsync(afterVersion, deletionsFrom, changed, moved!, ended)
                    : await listings.ReadAsync(afterVersion, deletionsFrom, ended);
                deletionsAfter ??= listing.Issued;
                var events = new List<byte[]>(listing.Batch.Items.Count);
                for (var i = 0; i < listing.Batch.Items.Count; i++)
                {
                    // Another principal's job does not exist for this client: skipped, but its place is kept. A deletion
                    // names no owner, so only those who see every job are told of it.
                    var item = listing.Batch.Items[i];
                    var sent = item.Deletion is not null
                        ? seesAll
                        : (statuses.Count == 0 || statuses.Contains(item.Job!.Status)) && Security.Principals.CanSee(context.User, item.Job!);
                    if (sent)
                        events.Add(listing.Encoded(i, seesPaths));
                    afterVersion = item.Version;
                }
                await writer.WriteEventsAsync(events);
                if (listing.Batch.MoreWaiting)
                {
                    listDue = true;
                    continue;
                }
                listedUpTo = listing.Issued;
                await writer.KeepAliveIfDueAsync(_options.KeepAliveInterval);
                listDue = await waits.WaitAsync(null, changed, moved, writer, ended);
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
            LogStreamFailed(ex);
            await writer.TryWriteErrorAsync("The event stream failed; reconnect to resume.", ErrorCodes.Internal, CorrelationId.Of(context));
        }
    }

    [LoggerMessage(LogLevel.Error, "The all-jobs event stream failed")]
    private partial void LogStreamFailed(Exception error);

    [LoggerMessage(LogLevel.Warning, "Event stream cut: {Reason}")]
    private partial void LogWriteTimedOut(string reason);
}
