using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Core.Pipeline;
using Aura.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aura.Tests.Support;

/// <summary>
/// The jobs service wired as <see cref="JobsServiceCollectionExtensions.AddAuraJobs"/> wires it — one writer,
/// one queue, one bus, one registry of runs shared by commands, workers and retention — on a store and an
/// orchestrator of the test's choosing, with the in-process seams unless others are given.
/// </summary>
public sealed class InProcessJobs
{
    public InProcessJobs(IJobStore store, IVideoOrchestrator orchestrator, JobFiles files, JobRunnerOptions options,
        TimeProvider? time = null, IJobQueue? queue = null, IJobChangeBus? bus = null, JobChangeSignal? signal = null)
    {
        time ??= TimeProvider.System;
        var opts = Microsoft.Extensions.Options.Options.Create(options);
        Store = store;
        Signal = signal ?? new JobChangeSignal();
        Queue = queue ?? new JobQueue(options.QueueCapacity);
        var changes = bus ?? new LocalJobChangeBus(Signal);
        Writer = new JobStateWriter(store, changes, time, NullLogger<JobStateWriter>.Instance);
        var running = new RunningJobs();
        var remover = new JobRemover(store, files, changes, time, NullLogger<JobRemover>.Instance);
        Commands = new JobCommands(store, Queue, Writer, running, new LocalJobCancelBus(running), remover, changes, Signal, time, opts, NullLogger<JobCommands>.Instance);
        Workers = new JobWorkers(store, Queue, orchestrator, files, Writer, running, time, opts, NullLogger<JobWorkers>.Instance);
        Retention = new JobRetention(store, remover, files, time, opts);
        Reader = new JobReader(store);
    }

    public IJobStore Store { get; }

    public JobChangeSignal Signal { get; }

    public IJobQueue Queue { get; }

    public JobStateWriter Writer { get; }

    public JobCommands Commands { get; }

    public JobWorkers Workers { get; }

    public JobRetention Retention { get; }

    public JobReader Reader { get; }

    /// <summary>The job once it has ended, waiting on its changes up to <paramref name="patience"/> for each.</summary>
    public async Task<JobSnapshot> EndOfAsync(string jobId, TimeSpan patience)
    {
        while (true)
        {
            var changed = Signal.NextChange(jobId);
            var job = await Store.GetAsync(jobId, CancellationToken.None);
            if (job!.IsTerminal)
                return job;
            await changed.WaitAsync(patience);
        }
    }
}
