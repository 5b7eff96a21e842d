using System.Globalization;
using Aura.Api.Contracts;
using Aura.Core.Kernel;
using Aura.Core.Storage;
using Microsoft.AspNetCore.Diagnostics;

namespace Aura.Api.Infrastructure;

/// <summary>
/// Answers any request that needed the store while it could not be reached (Redis down, restarting,
/// loading) with <c>503 Service Unavailable</c>, <c>E503-STORE_UNAVAILABLE</c> and <c>Retry-After</c>,
/// instead of a 500: reads and writes alike, since nothing can be read or written meanwhile.
/// A stream that has already started cannot be answered so; it ends and its client reconnects.
/// </summary>
public sealed partial class StoreUnavailableExceptionHandler(ILogger<StoreUnavailableExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>Seconds a client should wait: long enough for a Redis restart or failover, short enough to resume soon.</summary>
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not StoreUnavailableException unavailable || context.Response.HasStarted)
            return false;
        LogRefused(context.Request.Method, context.Request.Path, unavailable.InnerException?.Message ?? unavailable.Message);
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        var result = Problems.Result(context, StatusCodes.Status503ServiceUnavailable, ErrorCodes.StoreUnavailable,
            "The job store cannot be reached. " + unavailable.Message,
            "Retry after the time in Retry-After. Operators: check that the store (Redis:Configuration) is running and reachable; /health shows it.");
        context.Response.StatusCode = result.StatusCode!.Value;
        await context.Response.WriteAsJsonAsync(result.Value, WireJson.Options, Problems.ContentType, cancellationToken);
        return true;
    }

    [LoggerMessage(LogLevel.Warning, "{Method} {Path} refused: the store cannot be reached ({Problem})")]
    private partial void LogRefused(string method, string path, string problem);
}
