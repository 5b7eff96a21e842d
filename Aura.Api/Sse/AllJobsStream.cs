using System.Text.Json;
using Aura.Api.Contracts;
using Aura.Api.Infrastructure;
using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Microsoft.Extensions.Options;

namespace Aura.Api.Sse;

/// <summary>
/// One stream for every job: each job that changed after the client's place is sent whole as
/// <c>job-update</c> with <c>id:</c> its version, in version order. A client that resumes with
/// <c>Last-Event-ID: v</c> gets only jobs whose version is greater than v. It ends when the client
/// leaves or the service stops.
/// </summary>
public sealed partial class AllJobsStream(JobRunner runner, IOptions<SseOptions> options, TimeProvider time,
    IHostApplicationLifetime lifetime, ILogger<AllJobsStream> logger)
{
    public const string EventName = "job-update";
    private const int PageSize = 200;
    private readonly SseOptions _options = options.Value;

    public async Task RunAsync(HttpContext context, long afterVersion, IReadOnlySet<JobStatus> statuses)
    {
        var clientGone = context.RequestAborted;
        // The stream also ends when the service stops, so that clients reconnect (to the next
        // instance) and resume at once, instead of watching a dying server until the host's
        // shutdown timeout aborts them.
        using var open = CancellationTokenSource.CreateLinkedTokenSource(clientGone, lifetime.ApplicationStopping);
        var ended = open.Token;
        var writer = new SseStreamWriter(context.Response, time);
        try
        {
            await writer.StartAsync(_options.RetryMilliseconds, clientGone);
            while (true)
            {
                var changed = _options.WakeOnChange ? runner.Signal.NextChangeOfAnyJob() : null;
                var jobs = await runner.ListChangedAfterAsync(afterVersion, PageSize, ended);
                foreach (var job in jobs)
                {
                    if (statuses.Count == 0 || statuses.Contains(job.Status))
                        await writer.WriteEventAsync(ToMessage(job), job.Version, ended);
                    afterVersion = job.Version;
                }
                if (jobs.Count == PageSize)
                    continue;
                await writer.KeepAliveIfDueAsync(_options.KeepAliveInterval, ended);
                await SseWaiting.WaitAsync(changed, writer.NextWait(_options.PollInterval, _options.KeepAliveInterval), time, ended);
            }
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

    private static SseMessage ToMessage(JobSnapshot job) =>
        new(EventName, JsonSerializer.Serialize(JobResponse.From(job), AuraJson.Options));

    [LoggerMessage(LogLevel.Error, "The all-jobs event stream failed")]
    private partial void LogStreamFailed(Exception error);
}
