using Aura.Api.Contracts;
using Aura.Api.Infrastructure;
using Aura.Api.Security;
using Aura.Api.Sse;
using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Core.Storage;
using Microsoft.AspNetCore.Mvc;

namespace Aura.Api.Controllers;

/// <summary>Jobs over REST and their progress as Server-Sent Events. Thin: bind, one call into Aura.Core, map.</summary>
[ApiController]
[Route(JobUrls.JobsTemplate)]
public sealed class JobsController(IJobStore store, JobCommands commands, JobCreation creation, EventStreams streams, JobAccess access) : ControllerBase
{
    [HttpPost]
    [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Limits.RateLimits.JobCreationPolicy)]
    [Consumes("application/json")]
    [RequestSizeLimit(CreateJobValidator.MaxBodyBytes)]
    public async Task<IActionResult> Create([FromBody] CreateJobBody? body, CancellationToken cancellationToken)
    {
        var request = CreateJobValidator.Validate(body, out var errors);
        return request is null
            ? Problems.Validation(HttpContext, errors)
            : await creation.CreateAsync(HttpContext, request, cancellationToken);
    }

    [HttpGet]
    public async Task<IActionResult> List([FromQuery(Name = "status")] string[]? status, [FromQuery] string? limit,
        [FromQuery] string? before, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var query = new JobQuery(JobQueryParameters.Statuses(status ?? [], errors),
            JobQueryParameters.Before(before, errors), JobQueryParameters.Limit(limit, errors)) { Owner = Principals.ListFilter(User) };
        if (errors.Count > 0)
            return Problems.Validation(HttpContext, errors);
        var jobs = await store.ListAsync(query, cancellationToken);
        return Ok(new JobListResponse(jobs.Select(j => JobResponse.From(PathRedaction.ShownTo(User, j))).ToList(), jobs.Count));
    }

    [HttpGet("{jobId}")]
    public async Task<IActionResult> Get(string jobId, CancellationToken cancellationToken) =>
        await access.FindAsync(HttpContext, jobId, cancellationToken) is { } job
            ? Ok(JobResponse.From(PathRedaction.ShownTo(User, job)))
            : Problems.JobNotFound(HttpContext, jobId);

    [HttpHead("{jobId}")]
    public async Task<IActionResult> Head(string jobId, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(HttpContext, jobId, cancellationToken) is not { } job)
            return NotFound();
        Response.Headers["X-Job-Status"] = job.Status.ToString();
        Response.Headers["X-Job-Stage"] = job.Stage.ToString();
        Response.Headers["X-Job-Percent"] = job.Percent.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Response.Headers["X-Job-Version"] = job.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Ok();
    }

    [HttpPost("{jobId}/cancel")]
    public async Task<IActionResult> Cancel(string jobId, CancellationToken cancellationToken) =>
        await access.FindAsync(HttpContext, jobId, cancellationToken) is null ? Problems.JobNotFound(HttpContext, jobId)
        : await commands.CancelAsync(jobId, cancellationToken) switch
        {
            CancelOutcome.Accepted accepted => Accepted(JobUrls.Job(jobId), JobResponse.From(PathRedaction.ShownTo(User, accepted.Job))),
            CancelOutcome.NotCancellable refused => Problems.Result(HttpContext, StatusCodes.Status409Conflict,
                ErrorCodes.JobNotCancellable, $"The job is {refused.Job.Status}; a finished job cannot be canceled.",
                "Nothing to do: the job has already ended.", jobId,
                extensions: new Dictionary<string, object?> { ["currentStatus"] = refused.Job.Status.ToString() }),
            _ => Problems.JobNotFound(HttpContext, jobId),
        };

    [HttpDelete("{jobId}")]
    public async Task<IActionResult> Delete(string jobId, CancellationToken cancellationToken) =>
        await access.FindAsync(HttpContext, jobId, cancellationToken) is null ? Problems.JobNotFound(HttpContext, jobId)
        : await commands.DeleteAsync(jobId, cancellationToken) switch
        {
            DeleteOutcome.Deleted => NoContent(),
            DeleteOutcome.NotEnded running => Problems.Result(HttpContext, StatusCodes.Status409Conflict, ErrorCodes.JobNotDeletable,
                $"The job is {running.Job.Status}; only a job that has ended can be deleted.",
                $"Cancel it first (POST {JobUrls.Cancel(jobId)}), then delete it.", jobId,
                extensions: new Dictionary<string, object?> { ["currentStatus"] = running.Job.Status.ToString() }),
            _ => Problems.JobNotFound(HttpContext, jobId),
        };

    [HttpGet("{jobId}/events")]
    [EventStreamRoute]
    public Task<IActionResult> Events(string jobId) => streams.OpenJobStreamAsync(HttpContext, jobId);

    [HttpGet("events")]
    [EventStreamRoute]
    public async Task<IActionResult> AllEvents([FromQuery(Name = "status")] string[]? status)
    {
        var errors = new Dictionary<string, string[]>();
        var statuses = JobQueryParameters.Statuses(status ?? [], errors);
        return errors.Count > 0 ? Problems.Validation(HttpContext, errors) : await streams.OpenAllJobsStreamAsync(HttpContext, statuses);
    }
}
