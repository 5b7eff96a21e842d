using Aura.Api.Infrastructure;
using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Aura.Api.Sse;

/// <summary>
/// Decides how a request for a stream is answered before any stream starts: 404 for an unknown job,
/// 204 when the client already saw the job end, 429 when the client holds too many streams;
/// otherwise a result that streams, from the client's place when it is one the service issued
/// (else from the whole state).
/// </summary>
public sealed class EventStreams(JobRunner runner, JobEventStream jobStream, AllJobsStream allJobsStream,
    SseMetrics metrics, IOptions<SseOptions> options)
{
    public async Task<IActionResult> OpenJobStreamAsync(HttpContext context, string jobId)
    {
        if (await runner.GetJobAsync(jobId, context.RequestAborted) is null)
            return Problems.JobNotFound(context, jobId);

        var lastSent = LastEventId.Read(context.Request) is { } id
            ? await runner.GetJobAsOfAsync(jobId, id, context.RequestAborted)
            : null;
        if (lastSent is { IsTerminal: true })
            return new NoContentResult();

        return Open(context, () => jobStream.RunAsync(context, jobId, lastSent));
    }

    public async Task<IActionResult> OpenAllJobsStreamAsync(HttpContext context, IReadOnlySet<JobStatus> statuses)
    {
        var after = await runner.ResumeAfterAsync(LastEventId.Read(context.Request), context.RequestAborted);
        return Open(context, () => allJobsStream.RunAsync(context, after, statuses));
    }

    private IActionResult Open(HttpContext context, Func<Task> stream)
    {
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var lease = metrics.TryOpen(client, options.Value.MaxStreamsPerClient);
        if (lease is null)
        {
            context.Response.Headers.RetryAfter = "5";
            return Problems.Result(context, StatusCodes.Status429TooManyRequests, ErrorCodes.TooManyStreams,
                $"This client already holds {options.Value.MaxStreamsPerClient} open event streams.",
                "Close streams you no longer read, or follow every job over one GET /api/jobs/events.");
        }
        return new StreamResult(lease, stream);
    }

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
