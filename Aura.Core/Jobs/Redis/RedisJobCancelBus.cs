using Aura.Core.Storage;
using Aura.Core.Storage.Redis;
using StackExchange.Redis;

namespace Aura.Core.Jobs.Redis;

/// <summary>
/// The cancel path between nodes sharing Redis. A request is kept as a standing key with an expiry and
/// published on the cancels channel, in one transaction. Every node's <see cref="RedisCancelListener"/>
/// hears the message and stops the run if its workers have it (milliseconds); a node that missed the
/// message, and a run that starts later (a dead worker's job taken up again), finds the standing key within
/// a second. The owning worker then ends the job <c>Canceled</c> itself, as on one machine.
/// </summary>
public sealed class RedisJobCancelBus(IConnectionMultiplexer connection, RedisChannels channels, RunningJobs running, JobRunnerOptions options)
    : IJobCancelBus
{
    public bool ReachesEveryNode => true;

    /// <summary>
    /// Long enough to outlive every attempt the job can still make (each bounded by <c>Jobs:MaxDuration</c>),
    /// short enough that requests for jobs long gone do not pile up.
    /// </summary>
    public TimeSpan RequestLifetime => TimeSpan.FromDays(1) + options.MaxDuration * options.MaxAttempts;

    public async Task RequestAsync(string jobId, CancellationToken cancellationToken)
    {
        // This node's own run needs no round trip.
        running.TryCancel(jobId);
        var transaction = connection.GetDatabase().CreateTransaction();
        _ = transaction.StringSetAsync(channels.CancelRequest(jobId), 1, RequestLifetime);
        _ = transaction.PublishAsync(channels.Cancels, jobId);
        try
        {
            await transaction.ExecuteAsync().WaitAsync(cancellationToken);
        }
        catch (Exception error) when (RedisFailures.MeansUnavailable(error))
        {
            throw new StoreUnavailableException(RedisFailures.Describe(error), error);
        }
    }
}
