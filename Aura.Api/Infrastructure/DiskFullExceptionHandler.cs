using Aura.Api.Contracts;
using Aura.Core.Pipeline;
using Aura.Core.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Aura.Core.Kernel;

namespace Aura.Api.Infrastructure;

/// <summary>
/// Answers any request whose write found the disk full (the store's, or a file's: ENOSPC) with <c>507 Insufficient Storage</c>,
/// <c>E306-DISK_FULL</c> and what to free, instead of a 500: create, cancel and delete alike.
/// Reads need no space, so lists, jobs and streams keep working meanwhile.
/// </summary>
public sealed partial class DiskFullExceptionHandler(ILogger<DiskFullExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var detail = exception switch
        {
            StoreFullException full => full.Message,
            IOException io when DiskFull.Is(io) => "The disk is full: the request could not be carried out.",
            _ => null,
        };
        if (detail is null)
            return false;
        LogRefused(context.Request.Method, context.Request.Path);
        var result = Problems.DiskFull(context, detail);
        context.Response.StatusCode = result.StatusCode!.Value;
        await context.Response.WriteAsJsonAsync(result.Value, WireJson.Options, Problems.ContentType, cancellationToken);
        return true;
    }

    [LoggerMessage(LogLevel.Warning, "{Method} {Path} refused: the store's disk is full")]
    private partial void LogRefused(string method, string path);
}
