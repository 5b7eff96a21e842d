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
    /// <summary>
    /// The jobs service: commands, workers, retention, the single writer, the two seams and the options. The store
    /// and the orchestrator are registered by their own areas.
    /// </summary>
    public static IServiceCollection AddAuraJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<JobRunnerOptions>(configuration, JobRunnerOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        // Here, not with FFmpeg's options: it holds FFmpeg's kill grace inside the cancel wait.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FFmpegOptions>, KillGraceValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<JobRunnerOptions>, WorkerlessNodeValidator>());
        services.TryAddSingleton<JobChangeSignal>();
        // The in-process bus; a bus shared by several instances registers itself first.
        services.TryAddSingleton<IJobChangeBus, LocalJobChangeBus>();
        // The queue registered for the store's provider (Redis: AddAuraRedisJobs, shared by every node), else
        // the in-process one; a queue registered before this call wins.
        services.TryAddSingleton<IJobQueue>(sp =>
            sp.GetKeyedService<IJobQueue>(sp.GetRequiredService<IOptions<StorageOptions>>().Value.Provider)
            ?? new JobQueue(sp.GetRequiredService<IOptions<JobRunnerOptions>>().Value.QueueCapacity));
        // One writer for the process: its per-job locks only hold if everyone writes through the same one.
        services.TryAddSingleton(sp => new JobStateWriter(sp.GetRequiredService<IJobStore>(), sp.GetRequiredService<IJobChangeBus>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<JobStateWriter>>()));
        services.TryAddSingleton<RunningJobs>();
        // The in-process cancel path; a bus shared by several nodes registers itself first.
        services.TryAddSingleton<IJobCancelBus, LocalJobCancelBus>();
        services.TryAddSingleton<JobRemover>();
        services.TryAddSingleton<JobCommands>();
        services.TryAddSingleton<JobWorkers>();
        services.TryAddSingleton<JobRetention>();
        services.TryAddSingleton<JobReader>();
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
