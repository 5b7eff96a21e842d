using Aura.Core.Storage;
using Aura.Core.Storage.Redis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Aura.Core.Jobs.Redis;

public static class RedisQueueServiceCollectionExtensions
{
    /// <summary>
    /// Makes the Redis queue available to <c>AddAuraJobs</c> for <c>Storage:Provider=Redis</c> (jobs kept in
    /// Redis are claimed through Redis, by workers on any node), keyed by <see cref="StorageProvider.Redis"/>,
    /// on the connection and key prefix <c>AddAuraRedisStorage</c> registers; and the lease reaper, idle on
    /// the other stores. Nothing connects unless Redis is the store. Kept here, not in <c>AddAuraJobs</c> or
    /// <c>AddAuraRedisStorage</c>: the Jobs layer does not depend on this folder, and Storage not on Jobs.
    /// </summary>
    public static IServiceCollection AddAuraRedisQueue(this IServiceCollection services)
    {
        services.AddKeyedSingleton<IJobQueue>(StorageProvider.Redis, (s, _) => new RedisJobQueue(
            s.GetRequiredService<IConnectionMultiplexer>(), s.GetRequiredService<IOptions<RedisOptions>>().Value.KeyPrefix,
            s.GetRequiredService<IOptions<JobRunnerOptions>>().Value, s.GetRequiredService<ILogger<RedisJobQueue>>()));
        services.AddHostedService<RedisLeaseReaperService>();
        return services;
    }
}
