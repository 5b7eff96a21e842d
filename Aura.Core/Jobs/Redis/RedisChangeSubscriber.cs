using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Aura.Core.Jobs.Redis;

/// <summary>
/// Hears every change any node keeps (the store's scripts publish them) and raises this node's
/// <see cref="JobChangeSignal"/>, so a stream on this node wakes for a change a worker made elsewhere.
/// Subscribes at start, before the web server serves streams; if Redis is down then, it keeps trying in the
/// background (the client restores a subscription by itself after a reconnect). Meanwhile, and for any
/// message lost, the streams' poll is the fallback: the store is the truth, a message only a wake-up.
/// </summary>
public sealed partial class RedisChangeSubscriber(IConnectionMultiplexer connection, RedisChannels channels, JobChangeSignal signal,
    ILogger<RedisChangeSubscriber> logger) : IHostedService
{
    private readonly RedisSubscription _subscription = new(connection, channels.Changes, logger);

    public Task StartAsync(CancellationToken cancellationToken) =>
        _subscription.StartAsync((_, message) =>
        {
            if (RedisChannels.JobIdOfChange(message) is { } jobId)
                signal.Raise(jobId);
        });

    public Task StopAsync(CancellationToken cancellationToken) => _subscription.StopAsync();
}
