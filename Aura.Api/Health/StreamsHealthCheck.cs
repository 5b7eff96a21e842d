using Aura.Api.Sse;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Aura.Api.Health;

/// <summary>Always healthy: the event streams' figures and limits.</summary>
public sealed class StreamsHealthCheck(SseMetrics streams, IOptions<SseOptions> sse) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var o = sse.Value;
        return Task.FromResult(AuraHealthChecks.Result(true, new StreamsHealth(streams.OpenStreams, streams.StreamsOpened, streams.StreamsClosed,
            streams.AverageConnectedSeconds, streams.WriteTimeouts, streams.StreamsRefused, streams.EventsSent,
            o.MaxStreams, o.MaxStreamsPerPrincipal, o.PollInterval, o.WakeOnChange)));
    }
}
