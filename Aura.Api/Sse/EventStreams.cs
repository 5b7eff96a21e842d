using Aura.Api.Infrastructure;
using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Microsoft.AspNetCore.Mvc;

namespace Aura.Api.Sse;

/// <summary>
/// Decides how a request for a stream is answered before any stream starts: 404 for an unknown job,
/// 204 when the client already saw the job end;
/// otherwise a result that streams, from the client's place when it is one the service issued
/// (else from the whole state).
/// </summary>
public sealed class EventStreams(JobReader reader, JobEventStream jobStream, AllJobsStream allJobsStream,
    SseMetrics metrics, Security.JobAccess access)
{
    public async Task<IActionResult> OpenJobStreamAsync(HttpContext context, string jobId)
    {
        if (await access.FindAsync(context, jobId, context.RequestAborted) is null)
            return Problems.JobNotFound(context, jobId);

        var lastSent = LastEventId.Read(context.Request) is { } id
            ? await reader.GetAsOfAsync(jobId, id, context.RequestAborted)
            : null;
        if (lastSent is { IsTerminal: true })
            return new NoContentResult();

        return Open(() => jobStream.RunAsync(context, jobId, Security.PathRedaction.ShownTo(context.User, lastSent)));
    }

    public async Task<IActionResult> OpenAllJobsStreamAsync(HttpContext context, IReadOnlySet<JobStatus> statuses)
    {
        var after = await reader.ResumeAfterAsync(LastEventId.Read(context.Request), context.RequestAborted);
        return Open(() => allJobsStream.RunAsync(context, after, statuses));
    }

    // The limits on open streams are the rate limiter's (Limits.RateLimits), applied before this runs.
    private StreamResult Open(Func<Task> stream) => new(metrics.Open(), stream);

    /// <summary>Runs the stream when MVC executes the result, and uncounts it however it ends.</summary>
    private sealed class StreamResult(IDisposable lease, Func<Task> stream) : IActionResult
    {
        public async Task ExecuteResultAsync(ActionContext context)
        {
            using (lease)
                await stream();
        }
    }
}
