using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Aura.Core.Jobs.Redis;

/// <summary>
/// One pub/sub subscription that survives a Redis that is down at start: the first attempt is awaited (so
/// a node that can reach Redis listens before it serves), later ones run in the background every two
/// seconds until one succeeds. After that the client resubscribes by itself on every reconnect.
/// </summary>
internal sealed partial class RedisSubscription(IConnectionMultiplexer connection, RedisChannel channel, ILogger logger)
{
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(2);
    private readonly CancellationTokenSource _stop = new();
    private Task _retrying = Task.CompletedTask;

    public async Task StartAsync(Action<RedisChannel, RedisValue> handler)
    {
        if (await TrySubscribeAsync(handler, first: true))
            return;
        _retrying = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(Retry, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                if (await TrySubscribeAsync(handler, first: false))
                    return;
            }
        });
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _retrying;
        try
        {
            await connection.GetSubscriber().UnsubscribeAsync(channel);
        }
        catch (Exception error) when (error is RedisException or TimeoutException or ObjectDisposedException)
        {
            // Stopping anyway: the connection closes with the process.
        }
    }

    private async Task<bool> TrySubscribeAsync(Action<RedisChannel, RedisValue> handler, bool first)
    {
        try
        {
            await connection.GetSubscriber().SubscribeAsync(channel, handler);
            if (!first)
                LogSubscribed(channel.ToString());
            return true;
        }
        catch (Exception error) when (error is RedisException or TimeoutException)
        {
            if (first)
                LogNotYet(channel.ToString(), error.Message);
            return false;
        }
    }

    [LoggerMessage(LogLevel.Warning, "Cannot listen on Redis channel {Channel} yet ({Problem}); streams fall back on their poll until it works")]
    private partial void LogNotYet(string channel, string problem);

    [LoggerMessage(LogLevel.Information, "Listening on Redis channel {Channel}")]
    private partial void LogSubscribed(string channel);
}
