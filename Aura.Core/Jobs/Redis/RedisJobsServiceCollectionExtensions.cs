using Aura.Core.Media.Processes;
using Aura.Core.Pipeline;
using Aura.Core.Storage;
using Aura.Core.Storage.Redis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Aura.Core.Jobs.Redis;

public static class RedisJobsServiceCollectionExtensions
{
    /// <summary>
    /// With <c>Storage:Provider=Redis</c>, the Jobs layer's parts shared between nodes: the change bus (changes
    /// from any node wake this node's streams), the cancel bus and its listener (a cancel reaches the run on
    /// whichever node it goes), and pid files per machine in the shared data folder. Nothing otherwise: one
    /// machine keeps the in-process parts. Replaces what <c>AddAuraJobs</c> registered, whichever is called first.
    /// </summary>
    public static IServiceCollection AddAuraRedisJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        if (storage.Provider != StorageProvider.Redis)
            return services;

        services.TryAddSingleton<JobChangeSignal>();
        services.TryAddSingleton<RunningJobs>();
        services.AddSingleton(s => new RedisChannels(new RedisKeys(s.GetRequiredService<IOptions<RedisOptions>>().Value.KeyPrefix)));
        services.Replace(ServiceDescriptor.Singleton<IJobChangeBus, RedisJobChangeBus>());
        services.Replace(ServiceDescriptor.Singleton<IJobCancelBus>(s => new RedisJobCancelBus(s.GetRequiredService<IConnectionMultiplexer>(),
            s.GetRequiredService<RedisChannels>(), s.GetRequiredService<RunningJobs>(), s.GetRequiredService<IOptions<JobRunnerOptions>>().Value)));
        services.Replace(ServiceDescriptor.Singleton(s => new ChildProcessRegistry(
            s.GetRequiredService<JobFiles>().RunFolderOf(Environment.MachineName), s.GetRequiredService<ILogger<ChildProcessRegistry>>())));
        // Hosted services start in order, all before the web server: the node listens before it serves a stream.
        services.AddHostedService<RedisChangeSubscriber>();
        services.AddHostedService<RedisCancelListener>();
        return services;
    }
}
