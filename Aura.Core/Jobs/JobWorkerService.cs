using Aura.Core.Kernel;
using Aura.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aura.Core.Jobs;

/// <summary>Hosts the workers for the life of the process, after putting back unfinished jobs.</summary>
public sealed partial class JobWorkerService(JobWorkers workers, IHostApplicationLifetime lifetime, TimeProvider time,
    ILogger<JobWorkerService> logger) : BackgroundService
{
    /// <summary>How often recovery is tried again while the store cannot be reached.</summary>
    public static readonly TimeSpan RecoveryRetry = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The stop starts at ApplicationStopping (SIGINT, SIGTERM), before the host gets round to this
        // service's own token (the web server drains first): running jobs must learn of it at once, or a
        // signal FFmpeg received with the service would read as FFmpeg's failure.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lifetime.ApplicationStopping);
        if (!workers.RunsJobs)
        {
            // An API-only node (Jobs:Workers=0): the worker nodes recover and run every job, this one none.
            LogApiOnly();
            return;
        }
        await RecoverAsync(stopping.Token);
        await workers.RunAsync(stopping.Token);
    }

    /// <summary>
    /// Puts back unfinished jobs before any worker starts. A shared store (Redis) may be down when the
    /// service starts: then the service keeps running (not ready at /health) and tries again, rather than
    /// letting the exception stop the host.
    /// </summary>
    private async Task RecoverAsync(CancellationToken stopping)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await workers.RecoverAsync(stopping);
                return;
            }
            catch (StoreUnavailableException unavailable)
            {
                if (attempt == 1)
                    LogStoreUnavailable(unavailable.Message);
                await Task.Delay(RecoveryRetry, time, stopping);
            }
        }
    }

    [LoggerMessage(LogLevel.Information, "Jobs:Workers is 0: this node runs no jobs and recovers none (an API-only node)")]
    private partial void LogApiOnly();

    [LoggerMessage(LogLevel.Warning, "Unfinished jobs cannot be recovered yet: {Problem} Trying again until the store answers.")]
    private partial void LogStoreUnavailable(string problem);
}
