using Aura.Core.Pipeline;
using Aura.Core.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Aura.Api.Health;

/// <summary>Ready when the data and logs folders have Health:MinFreeDiskMegabytes free and the store's last write did not find the disk full.</summary>
public sealed class DiskHealthCheck(StoreSpace space, JobFiles files, IOptions<HealthOptions> health) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var disk = DiskHealth.Of(files.DataFolder, files.LogsFolder, health.Value.MinFreeDiskBytes, space);
        return Task.FromResult(AuraHealthChecks.Result(disk.Ready, disk, disk.Problem));
    }
}
