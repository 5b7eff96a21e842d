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
    SseMetrics metrics, Security.JobAccess access, JobChangeSignal signal, StreamPolls polls, SharedJobReads reads,
    Microsoft.Extensions.Options.IOptions<SseOptions> options)
{
    public async Task<IActionResult> OpenJobStreamAsync(HttpContext context, string jobId)
    {
        // Followed from the check on, so that the check's read is the one the job's streams share (and that its first
        // read will be too): opening 10,000 streams of a job reads it once, not 10,000 times (profiled: the check's
        // own read was a sixth of the cost of an open).
        var following = polls.Follow(jobId);
        try
        {
            if (await FindAsync(context, jobId) is null)
            {
                following.Dispose();
                return Problems.JobNotFound(context, jobId);
            }

            var lastSent = LastEventId.Read(context.Request) is { } id
                ? await reader.GetAsOfAsync(jobId, id, context.RequestAborted)
                : null;
            if (lastSent is { IsTerminal: true })
            {
                following.Dispose();
                return new NoContentResult();
            }

            return Open(() => jobStream.RunAsync(context, jobId, Security.PathRedaction.ShownTo(context.User, lastSent)), following);
        }
        catch
        {
            following.Dispose();
            throw;
        }
    }

    public async Task<IActionResult> OpenAllJobsStreamAsync(HttpContext context, IReadOnlySet<JobStatus> statuses)
    {
        var after = await reader.ResumeAfterAsync(LastEventId.Read(context.Request), context.RequestAborted);
        return Open(() => allJobsStream.RunAsync(context, after, statuses));
    }

    // The limits on open streams are the rate limiter's (Limits.RateLimits), applied before this runs.
    // Whatever else the stream holds (the per-job stream's follow, taken at its check) is released with its count.
    private StreamResult Open(Func<Task> stream, IDisposable? alsoHeld = null) =>
        new(alsoHeld is null ? [metrics.Open()] : [metrics.Open(), alsoHeld], stream);

    /// <summary>The job as the client may know it (null: it does not exist for the client), read as its streams read it.</summary>
    private async Task<JobSnapshot?> FindAsync(HttpContext context, string jobId)
    {
        if (!options.Value.WakeOnChange)
            return await access.FindAsync(context, jobId, context.RequestAborted);
        return Security.JobAccess.VisibleTo(context.User,
            await reads.GetAsync(jobId, signal.NextChange(jobId), polls.NextMove(jobId), context.RequestAborted));
    }

    /// <summary>Runs the stream when MVC executes the result, and releases what it holds (its count, its follow) however it ends.</summary>
    private sealed class StreamResult(IDisposable[] held, Func<Task> stream) : IActionResult
    {
        public async Task ExecuteResultAsync(ActionContext context)
        {
            try
            {
                await stream();
            }
            finally
            {
                foreach (var each in held)
                    each.Dispose();
            }
        }
    }
}
