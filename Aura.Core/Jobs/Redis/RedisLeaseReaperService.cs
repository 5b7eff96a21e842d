using Aura.Core.Storage.Redis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Aura.Core.Jobs.Redis;

/// <summary>
/// Runs <see cref="RedisLeaseReaper"/> on every node with workers while the store is Redis (any such node may
/// reap; the lock lets one at a time), every half lease: a dead worker's job is back in line within about one
/// and a half <c>Jobs:LeaseTimeout</c>. Registered only for the Redis store and <c>Jobs:Workers</c> above 0
/// (<c>AddAuraRedisJobs</c>): a job put back in line waits for a worker anyway, so the worker nodes reap.
/// </summary>
public sealed partial class RedisLeaseReaperService(IServiceProvider services, ILogger<RedisLeaseReaperService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lease = services.GetRequiredService<IOptions<JobRunnerOptions>>().Value.LeaseTimeout;
        var reaper = new RedisLeaseReaper(services.GetRequiredService<IConnectionMultiplexer>(),
            services.GetRequiredService<IOptions<RedisOptions>>().Value.KeyPrefix, lockExpiry: lease);
        using var timer = new PeriodicTimer(lease / 2);
        while (await Tick(timer, stoppingToken))
        {
            try
            {
                foreach (var jobId in await reaper.TryReapAsync() ?? [])
                    LogReaped(jobId, lease);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Redis away: the next tick tries again; the leases wait in Redis meanwhile.
                LogReapFailed(ex.Message);
            }
        }
    }

    private static async Task<bool> Tick(PeriodicTimer timer, CancellationToken stopping)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stopping);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(LogLevel.Warning, "The lease on job {JobId} ran out (no renewal for {Lease}: its worker is gone or cut off); the job is back in line for its next attempt")]
    private partial void LogReaped(string jobId, TimeSpan lease);

    [LoggerMessage(LogLevel.Warning, "Expired leases could not be reaped now: {Problem}")]
    private partial void LogReapFailed(string problem);
}
