using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Core.Storage;
using Aura.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Aura.Tests.Jobs;

/// <summary>The jobs service on an in-memory store with a temp folder of its own; workers stopped at the end.</summary>
public abstract class JobRunnerHarness : IAsyncDisposable
{
    /// <summary>A limit for what surely happens, however busy the machine: a wait on an event, never a measure of speed.</summary>
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly TempFolder _folder = new();
    private readonly CancellationTokenSource _stop = new();
    private Task? _workers;

    protected JobRunnerHarness() =>
        Options = new JobRunnerOptions { LogsFolder = _folder.Combine("logs"), Workers = 1, QueueCapacity = 3 };

    protected InMemoryJobStore Store { get; } = new();

    protected JobRunnerOptions Options { get; }

    /// <summary>Where the runner keeps its files: a data and a logs folder of this test's own.</summary>
    protected Core.Pipeline.JobFiles Files => new(_folder.Combine("data"), Options.LogsFolder);

    /// <summary>The jobs service on <see cref="Store"/>, or on <paramref name="store"/> (such as one that wraps it).</summary>
    protected InProcessJobs Start(Core.Pipeline.IVideoOrchestrator orchestrator, TimeProvider? time = null, bool workers = true, IJobStore? store = null,
        IJobQueue? queue = null, IJobChangeBus? bus = null, JobChangeSignal? signal = null)
    {
        var runner = new InProcessJobs(store ?? Store, orchestrator, Files, Options, time, queue, bus, signal);
        if (workers)
            StartWorkers(runner);
        return runner;
    }

    protected void StartWorkers(InProcessJobs runner) => _workers = runner.Workers.RunAsync(_stop.Token);

    /// <summary>Creates a job for <paramref name="topic"/> and waits until it has ended.</summary>
    protected static async Task<JobSnapshot> RunToEndAsync(InProcessJobs runner, string topic) =>
        await EndOf(runner, (await runner.Commands.CreateAsync(JobRequest.ForTopic(topic), "c", CancellationToken.None)).JobId);

    protected static Task<JobSnapshot> EndOf(InProcessJobs runner, string jobId) => runner.EndOfAsync(jobId, Patience);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_workers is not null)
            await _workers;
        _stop.Dispose();
        _folder.Dispose();
    }
}
