using System.Text.RegularExpressions;
using Aura.Api.Contracts;
using Aura.Api.Infrastructure;
using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Core.Media.Rendering;
using Microsoft.AspNetCore.Mvc;

namespace Aura.Api.Controllers;

/// <summary>
/// Creating a job, shared by <c>POST /api/jobs</c> and the quick demo: refused while FFmpeg is
/// unusable (409 E302) or the queue is full (503); made once per <c>Idempotency-Key</c>; then 202
/// with <c>Location</c> and the job. A full disk (507 E306) is answered by <see cref="Infrastructure.DiskFullExceptionHandler"/>.
/// </summary>
public sealed partial class JobCreation(JobCommands commands, FFmpegLocator ffmpeg)
{
    public const string IdempotencyHeader = "Idempotency-Key";

    [GeneratedRegex("^[\\x21-\\x7E]{1,255}$")]
    private static partial Regex KeyPattern();

    public async Task<IActionResult> CreateAsync(HttpContext context, JobRequest request, CancellationToken cancellationToken)
    {
        var key = context.Request.Headers[IdempotencyHeader].ToString();
        if (key.Length > 0 && !KeyPattern().IsMatch(key))
            return Problems.Validation(context, new Dictionary<string, string[]>
            {
                [IdempotencyHeader] = ["Use 1–255 visible ASCII characters (a UUID is a good key)."],
            });

        if ((await ffmpeg.GetStatusAsync(cancellationToken)).AsFailure() is { } unusable)
            return Problems.Result(context, StatusCodes.Status409Conflict, unusable.Code, unusable.Message, unusable.Remediation);

        try
        {
            var correlationId = CorrelationId.Of(context);
            var owner = Security.Principals.NameOf(context.User);
            var outcome = key.Length == 0
                ? new CreateOutcome.Created(await commands.CreateAsync(request, correlationId, owner, cancellationToken))
                : await commands.CreateOnceAsync(key, request, correlationId, owner, cancellationToken);
            return Answer(context, outcome);
        }
        catch (JobQueueFullException full)
        {
            context.Response.Headers.RetryAfter = "10";
            return Problems.Result(context, StatusCodes.Status503ServiceUnavailable, ErrorCodes.QueueFull, full.Message,
                "Try again in a little while, or raise Jobs:QueueCapacity.");
        }
    }

    private static IActionResult Answer(HttpContext context, CreateOutcome outcome)
    {
        switch (outcome)
        {
            case CreateOutcome.Created { Job: var job }:
                return new AcceptedResult(JobUrls.Job(job.JobId), JobResponse.From(Security.PathRedaction.ShownTo(context.User, job)));
            case CreateOutcome.Replayed { Job: var job }:
                context.Response.Headers["Idempotent-Replayed"] = "true";
                return new AcceptedResult(JobUrls.Job(job.JobId), JobResponse.From(Security.PathRedaction.ShownTo(context.User, job)));
            case CreateOutcome.KeyReused reused:
                return Problems.Result(context, StatusCodes.Status422UnprocessableEntity, ErrorCodes.IdempotencyConflict,
                    "This Idempotency-Key was already used for a different request.",
                    "Use a new key for a new request; resend the same body to get the first job back.", reused.JobId);
            case CreateOutcome.InProgress pending:
                context.Response.Headers.RetryAfter = "1";
                return Problems.Result(context, StatusCodes.Status409Conflict, ErrorCodes.IdempotencyConflict,
                    "The first request with this Idempotency-Key has not finished creating its job.",
                    "Retry in a moment.", pending.JobId);
            default:
                throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null);
        }
    }
}
