using Aura.Api.Security;
using Prometheus;

namespace Aura.Api.Metrics;

/// <summary>
/// <c>/metrics</c> in Prometheus text format, by prometheus-net, which publishes every
/// <see cref="System.Diagnostics.Metrics"/> instrument of the process (the jobs', the streams',
/// ASP.NET Core's own). With keys configured it needs a key, as the API does.
/// </summary>
public static class MetricsEndpoints
{
    public static IServiceCollection AddAuraMetrics(this IServiceCollection services) => services.AddSingleton<JobGauges>();

    public static IEndpointRouteBuilder MapAuraMetrics(this IEndpointRouteBuilder endpoints)
    {
        // Created now, so that its gauges exist before the first scrape.
        endpoints.ServiceProvider.GetRequiredService<JobGauges>();
        endpoints.MapMetrics("/metrics").RequireAuthorization(AuthPolicies.ApiUser);
        return endpoints;
    }
}
