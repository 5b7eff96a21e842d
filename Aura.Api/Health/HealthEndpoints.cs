using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aura.Api.Health;

/// <summary>
/// ASP.NET Core health checks: <c>/healthz</c> is liveness (the process answers; no check runs),
/// <c>/health</c> readiness (200 when FFmpeg, the store, the disk and Redis, when it is the store, are ready, else 503) with the
/// figures of jobs and streams. Both need no key.
/// </summary>
public static class HealthEndpoints
{
    public const string Ready = "ready";

    public static IServiceCollection AddAuraHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<FFmpegHealthCheck>("ffmpeg", tags: [Ready])
            .AddCheck<StoreHealthCheck>("store", tags: [Ready])
            .AddCheck<DiskHealthCheck>("disk", tags: [Ready])
            .AddCheck<JobsHealthCheck>("jobs", tags: [Ready])
            .AddCheck<StreamsHealthCheck>("streams", tags: [Ready]);
        RedisHealthCheck.AddWhenRedisIsTheStore(services);
        return services;
    }

    public static IEndpointRouteBuilder MapAuraHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        endpoints.MapHealthChecks("/health", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(Ready),
            ResponseWriter = HealthResponseWriter.WriteAsync,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).AllowAnonymous();
        return endpoints;
    }
}
