using Microsoft.Extensions.Hosting;

namespace Aura.Core.Jobs;

/// <summary>Hosts the runner's workers for the life of the process, after putting back unfinished jobs.</summary>
public sealed class JobWorkerService(JobRunner runner) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await runner.RecoverAsync(stoppingToken);
        await runner.RunWorkersAsync(stoppingToken);
    }
}
