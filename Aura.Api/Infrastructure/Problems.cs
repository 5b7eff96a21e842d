using Aura.Api.Contracts;
using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Microsoft.AspNetCore.Mvc;

namespace Aura.Api.Infrastructure;

/// <summary>
/// Builds the contract's problem+json bodies: <c>type</c>, <c>title</c>, <c>status</c>, <c>detail</c>,
/// <c>correlationId</c>, and where it applies <c>code</c>, <c>jobId</c>, <c>errors</c>, <c>remediation</c>.
/// </summary>
public static class Problems
{
    public const string ContentType = "application/problem+json";

    public static ObjectResult Result(HttpContext context, int status, string code, string detail,
        string? remediation = null, string? jobId = null, IDictionary<string, string[]>? errors = null,
        IReadOnlyDictionary<string, object?>? extensions = null)
    {
        var problem = errors is null ? new ProblemDetails() : new ValidationProblemDetails(errors);
        problem.Status = status;
        problem.Title = TitleOf(status);
        problem.Type = $"https://aura.jobs/errors/{code}";
        problem.Detail = detail;
        problem.Extensions["code"] = code;
        if (remediation is not null)
            problem.Extensions["remediation"] = remediation;
        if (jobId is not null)
            problem.Extensions["jobId"] = jobId;
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
            problem.Extensions[key] = value;
        Stamp(context, problem);
        return new ObjectResult(problem) { StatusCode = status, ContentTypes = { ContentType } };
    }

    public static ObjectResult Validation(HttpContext context, IDictionary<string, string[]> errors) =>
        Result(context, StatusCodes.Status400BadRequest, ErrorCodes.Validation,
            "The request is not valid; see errors for each field.", "Correct the fields named in errors and send the request again.",
            errors: errors);

    public static ObjectResult JobNotFound(HttpContext context, string jobId) =>
        Result(context, StatusCodes.Status404NotFound, ErrorCodes.JobNotFound, $"No job with id '{jobId}'.",
            $"Check the job id; list jobs with GET {JobUrls.Jobs}.", jobId: jobId);

    /// <summary>A write the store's full disk refused (507, E306): nothing was changed unless <paramref name="detail"/> says so.</summary>
    public static ObjectResult DiskFull(HttpContext context, string detail) =>
        Result(context, StatusCodes.Status507InsufficientStorage, ErrorCodes.DiskFull, detail, DiskFullAdvice.FreeSpace);

    /// <summary>Adds what every problem carries (the correlation id; a code from the status when none is set).</summary>
    public static void Stamp(HttpContext context, ProblemDetails problem)
    {
        problem.Extensions["correlationId"] = CorrelationId.Of(context);
        problem.Extensions.Remove("traceId");
        problem.Detail ??= DetailOf(problem.Status);
        if (!problem.Extensions.ContainsKey("code") && CodeOf(problem.Status) is { } code)
            problem.Extensions["code"] = code;
    }

    private static string? CodeOf(int? status) => status switch
    {
        400 => ErrorCodes.Validation,
        404 => ErrorCodes.JobNotFound,
        415 => ErrorCodes.UnsupportedMediaType,
        >= 500 => ErrorCodes.Internal,
        _ => null,
    };

    // Problems the framework makes itself (415, unknown routes, 405) come without a detail.
    private static string DetailOf(int? status) => status switch
    {
        404 => "Nothing is at this address.",
        405 => "This address does not take that method.",
        415 => "The request body must be JSON, sent with Content-Type: application/json.",
        >= 500 => "The service failed to handle the request; it has been logged.",
        _ => "The request could not be handled.",
    };

    private static string TitleOf(int status) => status switch
    {
        400 => "Invalid request",
        404 => "Not found",
        409 => "Conflict",
        413 => "Content too large",
        415 => "Unsupported media type",
        422 => "Unprocessable request",
        429 => "Too many requests",
        503 => "Service unavailable",
        507 => "Insufficient storage",
        _ => "Error",
    };
}
