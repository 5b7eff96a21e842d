using Aura.Api.Contracts;
using System.Text.Json;
using Aura.Api.Infrastructure;
using Aura.Api.Security;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aura.Api.Health;

/// <summary>
/// Writes <c>/health</c> as one JSON object: <c>status</c>, then each check's part by its name
/// (<c>ffmpeg</c>, <c>store</c>, <c>disk</c>, <c>jobs</c>, <c>streams</c>). Server paths (FFmpeg's,
/// the folders) only in local mode or to an admin.
/// </summary>
public static class HealthResponseWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var showPaths = Principals.SeesPaths(context.User);
        var body = new Dictionary<string, object?> { ["status"] = report.Status.ToString() };
        foreach (var (name, entry) in report.Entries)
        {
            var part = entry.Data.TryGetValue(AuraHealthChecks.Part, out var value) ? value
                : new { ready = entry.Status == HealthStatus.Healthy, problem = entry.Description ?? entry.Exception?.Message };
            body[name] = showPaths ? part : WithoutPaths(part);
        }
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, WireJson.Options));
    }

    private static object WithoutPaths(object part) => part switch
    {
        FFmpegHealth f => f with { Path = null, ProbePath = null },
        DiskHealth d => d with { Folder = Path.GetFileName(d.Folder), Logs = d.Logs with { Folder = Path.GetFileName(d.Logs.Folder) } },
        _ => part,
    };
}
