using Aura.Core.Processes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

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
        services.TryAddSingleton(sp => new ChildProcessRegistry(
            sp.GetRequiredService<IOptions<JobRunnerOptions>>().Value.RunFolder, sp.GetRequiredService<ILogger<ChildProcessRegistry>>()));
        // Before the workers: hosted services start in order, and no job may resume beside an orphan FFmpeg.
        services.AddHostedService<ChildProcessReaper>();
        services.AddHostedService<JobWorkerService>();
        services.AddHostedService<JobMaintenanceService>();
        return services;
    }
}
