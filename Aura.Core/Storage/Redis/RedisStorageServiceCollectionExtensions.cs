using Aura.Core.Kernel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Aura.Core.Storage.Redis;

public static class RedisStorageServiceCollectionExtensions
{
    /// <summary>
    /// Makes the Redis store available to <c>AddAuraStorage</c> for <c>Storage:Provider=Redis</c>: the
    /// <c>Redis</c> section (checked at start only with that provider), the process's one
    /// <see cref="IConnectionMultiplexer"/> and the store, keyed by <see cref="StorageProvider.Redis"/>.
    /// Nothing connects unless the Redis provider is chosen. Kept here, not in <c>AddAuraStorage</c>,
    /// so the storage layer does not depend on this folder.
    /// </summary>
    public static IServiceCollection AddAuraRedisStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<RedisOptions>(configuration, RedisOptions.Section);
        services.AddSingleton<IValidateOptions<RedisOptions>, RedisOptionsValidator>();
        services.AddSingleton<IConnectionMultiplexer>(s =>
            RedisConnection.Connect(s.GetRequiredService<IOptions<RedisOptions>>().Value, s.GetService<ILoggerFactory>()));
        services.AddKeyedSingleton<IJobStore>(StorageProvider.Redis, (s, _) =>
            new RedisJobStore(s.GetRequiredService<IConnectionMultiplexer>(), s.GetRequiredService<IOptions<RedisOptions>>().Value.KeyPrefix));
        return services;
    }
}
