using Aura.Api.Contracts;
using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Microsoft.AspNetCore.Diagnostics;

namespace Aura.Api.Infrastructure;

/// <summary>
/// Answers a request the server could not read (a body over the limit, a broken upload) with the
/// problem it is, instead of a 500: a body over the limit is the usual HTTP 413.
/// </summary>
public sealed class BadRequestExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
            return false;
        var result = bad.StatusCode == StatusCodes.Status413PayloadTooLarge
            ? Problems.Result(context, StatusCodes.Status413PayloadTooLarge, ErrorCodes.BodyTooLarge,
                $"The request body is larger than {CreateJobValidator.MaxBodyBytes / 1024} KiB.",
                "Send a smaller body: only brief.topic is required, and it is at most 500 characters.")
            : Problems.Result(context, bad.StatusCode, ErrorCodes.Validation, bad.Message);
        context.Response.StatusCode = result.StatusCode!.Value;
        await context.Response.WriteAsJsonAsync(result.Value, WireJson.Options, Problems.ContentType, cancellationToken);
        return true;
    }
}
