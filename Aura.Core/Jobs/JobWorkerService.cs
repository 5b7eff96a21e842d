using Microsoft.Extensions.Hosting;
using Aura.Core.Kernel;

namespace Aura.Core.Jobs;

/// <summary>Hosts the runner's workers for the life of the process, after putting back unfinished jobs.</summary>
public sealed class JobWorkerService(JobRunner runner, IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The stop starts at ApplicationStopping (SIGINT, SIGTERM), before the host gets round to this
        // service's own token (the web server drains first): running jobs must learn of it at once, or a
        // signal FFmpeg received with the service would read as FFmpeg's failure.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lifetime.ApplicationStopping);
        await runner.RecoverAsync(stopping.Token);
        await runner.RunWorkersAsync(stopping.Token);
    }
}
