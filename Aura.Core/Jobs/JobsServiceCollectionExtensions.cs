using Aura.Core.Media.Processes;
using Aura.Core.Media.Rendering;
using Aura.Core.Pipeline;
using Aura.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Aura.Core.Kernel;

namespace Aura.Core.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>The runner, its workers and options. The store and the orchestrator are registered by their own areas.</summary>
    public static IServiceCollection AddAuraJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<JobRunnerOptions>(configuration, JobRunnerOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        // Here, not with FFmpeg's options: it holds FFmpeg's kill grace inside the runner's cancel wait.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FFmpegOptions>, KillGraceValidator>());
        services.TryAddSingleton<JobChangeSignal>();
        // The in-process bus; a bus shared by several instances registers itself first.
        services.TryAddSingleton<IJobChangeBus, LocalJobChangeBus>();
        // The in-process queue; a queue shared by several instances registers itself first.
        services.TryAddSingleton<IJobQueue>(sp => new JobQueue(sp.GetRequiredService<IOptions<JobRunnerOptions>>().Value.QueueCapacity));
        services.TryAddSingleton<JobRunner>();
        // Relative folders from the current directory when no host says otherwise (the API resolves them against its content root).
        services.TryAddSingleton(sp => new JobFiles(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.DataFolder, sp.GetRequiredService<IOptions<JobRunnerOptions>>().Value.LogsFolder));
        services.TryAddSingleton(sp => new ChildProcessRegistry(
            sp.GetRequiredService<JobFiles>().RunFolder, sp.GetRequiredService<ILogger<ChildProcessRegistry>>()));
        // Before the workers: hosted services start in order, and no job may resume beside an orphan FFmpeg.
        services.AddHostedService<ChildProcessReaper>();
        services.AddHostedService<JobWorkerService>();
        services.AddHostedService<JobMaintenanceService>();
        return services;
    }
}
