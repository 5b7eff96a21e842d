using Aura.Api.Contracts;
using Aura.Api.Infrastructure;
using Aura.Core.Events;
using Aura.Core.Jobs;
using Microsoft.AspNetCore.Mvc;

namespace Aura.Api.Controllers;

/// <summary>
/// Creating a job, shared by <c>POST /api/jobs</c> and the quick demo: the refusals that apply to
/// both (queue full), then 202 with <c>Location</c> and the job.
/// </summary>
public sealed class JobCreation(JobRunner runner)
{
    public async Task<IActionResult> CreateAsync(HttpContext context, JobRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var job = await runner.CreateAndStartJobAsync(request, CorrelationId.Of(context), cancellationToken);
            return new AcceptedResult(JobUrls.Job(job.JobId), JobResponse.From(job));
        }
        catch (JobQueueFullException full)
        {
            context.Response.Headers.RetryAfter = "10";
            return Problems.Result(context, StatusCodes.Status503ServiceUnavailable, ErrorCodes.QueueFull, full.Message,
                "Try again in a little while, or raise Jobs:QueueCapacity.");
        }
    }
}
