using Aura.Core.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aura.Api.Health;

/// <summary>Ready when the job store answers.</summary>
public sealed class StoreHealthCheck(IJobStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var last = await store.GetLastVersionAsync(cancellationToken);
            return AuraHealthChecks.Result(true, new StoreHealth(true, store.GetType().Name, last, null));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return AuraHealthChecks.Result(false, new StoreHealth(false, store.GetType().Name, null, ex.Message), ex.Message);
        }
    }
}
