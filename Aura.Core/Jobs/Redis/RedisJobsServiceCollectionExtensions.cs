using Aura.Core.Media.Processes;
using Aura.Core.Pipeline;
using Aura.Core.Storage;
using Aura.Core.Storage.Redis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Aura.Core.Jobs.Redis;

public static class RedisJobsServiceCollectionExtensions
{
    /// <summary>
    /// With <c>Storage:Provider=Redis</c>, the Jobs layer's parts shared between nodes: the queue with its leases
    /// and their reaper (jobs kept in Redis are claimed through Redis, by workers on any node), the change bus
    /// (changes from any node wake this node's streams), the cancel bus and its listener (a cancel reaches the
    /// run on whichever node it goes), and pid files per machine in the shared data folder. With any other provider
    /// the in-process parts stay, and nothing touches Redis. The reaper runs only on nodes with workers (not on an
    /// API-only node, <c>Jobs:Workers=0</c>). The choice is made from the validated options when
    /// the services are first resolved (so it sees every configuration source, tests' included); this replaces
    /// what <c>AddAuraJobs</c> registered, whichever is called first (the queue is keyed by
    /// <see cref="StorageProvider.Redis"/>, which <c>AddAuraJobs</c> looks up). Kept here, not in <c>AddAuraJobs</c>
    /// or <c>AddAuraRedisStorage</c>: the Jobs layer does not depend on this folder, and Storage not on Jobs.
    /// </summary>
    public static IServiceCollection AddAuraRedisJobs(this IServiceCollection services)
    {
        services.TryAddSingleton<JobChangeSignal>();
        services.TryAddSingleton<RunningJobs>();
        services.AddKeyedSingleton<IJobQueue>(StorageProvider.Redis, (s, _) => new RedisJobQueue(
            s.GetRequiredService<IConnectionMultiplexer>(), s.GetRequiredService<IOptions<RedisOptions>>().Value.KeyPrefix,
            s.GetRequiredService<IOptions<JobRunnerOptions>>().Value, s.GetRequiredService<ILogger<RedisJobQueue>>()));
        services.AddSingleton(s => new RedisChannels(new RedisKeys(s.GetRequiredService<IOptions<RedisOptions>>().Value.KeyPrefix)));
        services.Replace(ServiceDescriptor.Singleton<IJobChangeBus>(s => IsRedis(s)
            ? new RedisJobChangeBus()
            : new LocalJobChangeBus(s.GetRequiredService<JobChangeSignal>())));
        services.Replace(ServiceDescriptor.Singleton<IJobCancelBus>(s => IsRedis(s)
            ? new RedisJobCancelBus(s.GetRequiredService<IConnectionMultiplexer>(), s.GetRequiredService<RedisChannels>(),
                s.GetRequiredService<RunningJobs>(), s.GetRequiredService<IOptions<JobRunnerOptions>>().Value)
            : new LocalJobCancelBus(s.GetRequiredService<RunningJobs>())));
        services.Replace(ServiceDescriptor.Singleton(s =>
        {
            var files = s.GetRequiredService<JobFiles>();
            return new ChildProcessRegistry(IsRedis(s) ? files.RunFolderOf(Environment.MachineName) : files.RunFolder,
                s.GetRequiredService<ILogger<ChildProcessRegistry>>());
        }));
        // Hosted services start in order, all before the web server: the node listens before it serves a stream.
        services.AddSingleton<IHostedService>(s => IsRedis(s) ? ActivatorUtilities.CreateInstance<RedisChangeSubscriber>(s) : Nothing.Instance);
        services.AddSingleton<IHostedService>(s => IsRedis(s) ? ActivatorUtilities.CreateInstance<RedisCancelListener>(s) : Nothing.Instance);
        // Only nodes with workers reap: the reaper only puts jobs back in line, which only a worker takes up, so
        // the worker nodes' reapers suffice, and an API-only node's would be one more client polling Redis for nothing.
        services.AddSingleton<IHostedService>(s => IsRedis(s) && RunsJobs(s)
            ? ActivatorUtilities.CreateInstance<RedisLeaseReaperService>(s) : Nothing.Instance);
        return services;
    }

    private static bool IsRedis(IServiceProvider services) =>
        services.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == StorageProvider.Redis;

    private static bool RunsJobs(IServiceProvider services) =>
        services.GetRequiredService<IOptions<JobRunnerOptions>>().Value.Workers > 0;

    /// <summary>What runs in the place of a Redis listener or the reaper when the store is not Redis.</summary>
    private sealed class Nothing : IHostedService
    {
        public static readonly Nothing Instance = new();

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
