using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Aura.Core.Kernel;
using Aura.Core.Pipeline;

namespace Aura.Core.Jobs;

/// <summary>
/// At start, finishes the deletions a crash interrupted (and warns about job folders the store does
/// not know, without touching them); then sweeps old jobs every <see cref="JobRunnerOptions.SweepInterval"/>.
/// </summary>
public sealed partial class JobMaintenanceService(JobRetention retention, JobFiles files, IOptions<JobRunnerOptions> options, TimeProvider time,
    ILogger<JobMaintenanceService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        try
        {
            await FinishDeletionsAsync(stoppingToken);
            do
            {
                try
                {
                    var removed = await retention.SweepAsync(stoppingToken);
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

    private async Task FinishDeletionsAsync(CancellationToken stoppingToken)
    {
        try
        {
            var sweep = await retention.FinishDeletionsAsync(stoppingToken);
            var folder = files.JobsFolder;
            if (sweep.Removed > 0)
                LogRemoved(sweep.Removed);
            if (sweep.StoreKnowsNoJobs)
                LogStoreKnowsNoJobs(sweep.Unknown, folder);
            else if (sweep.Unknown > 0)
                LogUnknownKept(sweep.Unknown, folder);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Nothing is lost by not finishing a deletion now: the next start tries again.
            LogFinishDeletionsFailed(ex);
        }
    }

    [LoggerMessage(LogLevel.Information, "Removed the work folders of {Count} deleted jobs")]
    private partial void LogRemoved(int count);

    [LoggerMessage(LogLevel.Warning, "The job store knows no jobs, yet {Count} job folders exist in {Folder}: the database is missing, " +
        "new or another one. Nothing was removed. Restore the database from a backup to see these jobs again, or delete the folders yourself")]
    private partial void LogStoreKnowsNoJobs(int count, string folder);

    [LoggerMessage(LogLevel.Warning, "{Count} job folders in {Folder} belong to no job the store knows; they were kept (delete them yourself if unwanted)")]
    private partial void LogUnknownKept(int count, string folder);

    [LoggerMessage(LogLevel.Error, "Finishing the deletions of deleted jobs' folders failed; the next start tries again")]
    private partial void LogFinishDeletionsFailed(Exception error);

    [LoggerMessage(LogLevel.Information, "Removed {Count} jobs that ended more than {Days} days ago")]
    private partial void LogSwept(int count, int days);

    [LoggerMessage(LogLevel.Error, "The retention sweep failed")]
    private partial void LogSweepFailed(Exception error);
}
