using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aura.Core.Jobs;

/// <summary>At start, removes the folders of jobs that no longer exist; then sweeps old jobs every <see cref="JobRunnerOptions.SweepInterval"/>.</summary>
public sealed partial class JobMaintenanceService(JobRunner runner, IOptions<JobRunnerOptions> options, TimeProvider time,
    ILogger<JobMaintenanceService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        try
        {
            var orphans = await runner.RemoveOrphanFoldersAsync(stoppingToken);
            if (orphans > 0)
                LogOrphans(orphans);
            do
            {
                try
                {
                    var removed = await runner.SweepAsync(stoppingToken);
                    if (removed > 0)
                        LogSwept(removed, options.Value.RetentionDays);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A failed sweep is tried again at the next tick; it must not stop the service.
                    LogSweepFailed(ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(LogLevel.Information, "Removed {Count} work folders of jobs that no longer exist")]
    private partial void LogOrphans(int count);

    [LoggerMessage(LogLevel.Information, "Removed {Count} jobs that ended more than {Days} days ago")]
    private partial void LogSwept(int count, int days);

    [LoggerMessage(LogLevel.Error, "The retention sweep failed")]
    private partial void LogSweepFailed(Exception error);
}
