using Aura.Core.Kernel;
using Aura.Core.Storage.Redis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Aura.Core.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IJobStore"/> as a singleton of the provider chosen in the <c>Storage</c>
    /// section (SQLite by default; InMemory; Redis with the <c>Redis</c> section), with <see cref="StorageOptions"/> validated at start. The SQLite
    /// store creates its folder, its file and its schema when it is first resolved.
    /// </summary>
    public static IServiceCollection AddAuraStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<StorageOptions>(configuration, StorageOptions.Section);
        services.AddValidatedOptions<RedisOptions>(configuration, RedisOptions.Section);
        services.AddSingleton<IValidateOptions<RedisOptions>, RedisOptionsValidator>();
        // Made only when something asks for it: with the Redis provider, the store does.
        services.AddSingleton<IConnectionMultiplexer>(s =>
            RedisConnection.Connect(s.GetRequiredService<IOptions<RedisOptions>>().Value, s.GetService<ILoggerFactory>()));
        services.AddSingleton<StoreSpace>();
        services.AddSingleton<IJobStore>(CreateStore);
        return services;
    }

    private static IJobStore CreateStore(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        if (options.Provider == StorageProvider.InMemory)
            return new InMemoryJobStore();
        if (options.Provider == StorageProvider.Redis)
            return new RedisJobStore(services.GetRequiredService<IConnectionMultiplexer>(),
                services.GetRequiredService<IOptions<RedisOptions>>().Value.KeyPrefix);

        var contentRoot = services.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory();
        return new SqliteJobStore(options.DatabasePath(contentRoot), options.BusyTimeout, services.GetRequiredService<StoreSpace>());
    }
}
