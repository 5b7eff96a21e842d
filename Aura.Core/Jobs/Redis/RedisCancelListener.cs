using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Aura.Core.Jobs.Redis;

/// <summary>
/// Stops this node's runs that were canceled on any node: at once when the cancels channel says so, and,
/// for a message lost (a reconnect) or a run that started after the request, by looking up the standing
/// requests of the runs going here every <see cref="CheckInterval"/>. An API-only node runs nothing and
/// does not listen.
/// </summary>
public sealed partial class RedisCancelListener(IConnectionMultiplexer connection, RedisChannels channels, RunningJobs running,
    ILogger<RedisCancelListener> logger) : BackgroundService
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(1);

    private readonly RedisSubscription _subscription = new(connection, channels.Cancels, logger);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await _subscription.StartAsync((_, jobId) =>
        {
            if (!jobId.IsNullOrEmpty && running.TryCancel(jobId!))
                LogCanceled(jobId!);
        });
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await _subscription.StopAsync();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(CheckInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var jobIds = running.JobIds;
            if (jobIds.Count == 0)
                continue;
            try
            {
                var requests = await connection.GetDatabase().StringGetAsync([.. jobIds.Select(channels.CancelRequest)]);
                for (var i = 0; i < jobIds.Count; i++)
                    if (!requests[i].IsNull && running.TryCancel(jobIds[i]))
                        LogStandingRequest(jobIds[i]);
            }
            catch (Exception error) when (error is RedisException or TimeoutException)
            {
                // Redis is away: the next tick asks again; the run's own writes fail meanwhile anyway.
                LogCheckFailed(error.Message);
            }
        }
    }

    [LoggerMessage(LogLevel.Information, "Job {JobId} canceled on some node: stopping its run here")]
    private partial void LogCanceled(string jobId);

    // Debug: a run that is already stopping is asked again every tick until it has ended.
    [LoggerMessage(LogLevel.Debug, "Job {JobId} has a standing cancel request: stopping its run here")]
    private partial void LogStandingRequest(string jobId);

    [LoggerMessage(LogLevel.Debug, "Could not look up cancel requests: {Problem}")]
    private partial void LogCheckFailed(string problem);
}
