using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Aura.Core.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>The runner, its workers and options. The store and the orchestrator are registered by their own areas.</summary>
    public static IServiceCollection AddAuraJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<JobRunnerOptions>(configuration, JobRunnerOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<JobChangeSignal>();
        services.TryAddSingleton<JobRunner>();
        services.AddHostedService<JobWorkerService>();
        services.AddHostedService<JobMaintenanceService>();
        return services;
    }
}
