using Aura.Core.Storage;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Aura.Api.Limits;

/// <summary>Keeps this node's open streams counted in Redis (<see cref="SharedStreamCount"/>) while they are open. Idle on other stores.</summary>
public sealed partial class SharedStreamRenewal(IServiceProvider services, IOptions<StorageOptions> storage, ILogger<SharedStreamRenewal> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (storage.Value.Provider != StorageProvider.Redis)
            return;
        var count = services.GetRequiredService<SharedStreamCount>();
        using var timer = new PeriodicTimer(SharedStreamCount.RenewEvery);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await count.RenewAsync();
            }
            catch (Exception error) when (error is RedisException or TimeoutException)
            {
                // Redis is away: the places expire, and a stream that needs the store ends by itself anyway.
                LogNotRenewed(error.Message);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Could not renew this node's open streams in Redis: {Problem}")]
    private partial void LogNotRenewed(string problem);
}
