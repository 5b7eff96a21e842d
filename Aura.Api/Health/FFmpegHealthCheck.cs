using Aura.Core.Media.Rendering;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aura.Api.Health;

/// <summary>Ready when FFmpeg runs, has libx264 and ffprobe is found.</summary>
public sealed class FFmpegHealthCheck(FFmpegLocator ffmpeg) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var f = await ffmpeg.GetStatusAsync(cancellationToken);
        return AuraHealthChecks.Result(f.IsUsable,
            new FFmpegHealth(f.IsUsable, f.FFmpegPath, f.ProbePath, f.Version, f.HasLibx264, f.Problem, f.Remediation), f.Problem);
    }
}
