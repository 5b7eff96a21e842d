using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aura.Api.Health;

/// <summary>
/// The readiness checks: FFmpeg, the store and the disk decide readiness; jobs and streams are
/// always healthy and carry figures. Each puts its part of <c>/health</c> in its data as <see cref="Part"/>.
/// </summary>
public static class AuraHealthChecks
{
    public const string Part = "part";

    public static HealthCheckResult Result(bool ready, object part, string? problem = null) =>
        new(ready ? HealthStatus.Healthy : HealthStatus.Unhealthy, problem, data: new Dictionary<string, object> { [Part] = part });
}
