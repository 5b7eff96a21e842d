using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Core.Pipeline;

namespace Aura.Tests.Support;

/// <summary>
/// An orchestrator a test steers: it walks the five stages (each reporting 50 % and 100 %, writing a
/// small artifact), and can be held before a stage until the test releases it, or fail in one.
/// </summary>
public sealed class FakeOrchestrator : IVideoOrchestrator
{
    private readonly Dictionary<JobStage, TaskCompletionSource> _holds = [];
    private readonly Dictionary<JobStage, TaskCompletionSource> _reached = [];
    private readonly TaskCompletionSource<JobContext> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Func<JobStage, Exception?> FailIn { get; set; } = _ => null;

    /// <summary>Completes when a run has started (with its context).</summary>
    public Task<JobContext> Started => _started.Task;

    /// <summary>Stages entered so far, in order, over all runs.</summary>
    public List<JobStage> Entered { get; } = [];

    /// <summary>Makes runs wait before entering <paramref name="stage"/> until <see cref="Release"/>.</summary>
    public FakeOrchestrator HoldBefore(JobStage stage)
    {
        _holds[stage] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _reached[stage] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return this;
    }

    /// <summary>
    /// Completes when a run waits at the hold before <paramref name="stage"/>: every write of the stages
    /// before it is done, so nothing of that run touches the store until the hold is released or canceled.
    /// </summary>
    public Task Reached(JobStage stage) => _reached[stage].Task;

    public void Release(JobStage stage) => _holds[stage].TrySetResult();

    public async Task RunAsync(JobContext job, IJobProgress progress, CancellationToken cancellationToken)
    {
        _started.TrySetResult(job);
        foreach (var stage in JobPhases.WorkStages)
        {
            if (_holds.TryGetValue(stage, out var hold))
            {
                _reached[stage].TrySetResult();
                await hold.Task.WaitAsync(cancellationToken);
            }
            lock (Entered)
                Entered.Add(stage);
            await progress.EnterStageAsync(stage, $"{stage} started");
            if (FailIn(stage) is { } error)
                throw error;
            await progress.ReportAsync(50, $"{stage} half way", 2);
            var file = Path.Combine(job.WorkFolder, $"{stage}.txt".ToLowerInvariant());
            await File.WriteAllTextAsync(file, stage.ToString(), cancellationToken);
            await progress.ArtifactWrittenAsync(new JobArtifact(Path.GetFileName(file), "text/plain", new FileInfo(file).Length, file, stage));
            await progress.ReportAsync(100, $"{stage} done", 0);
        }
    }
}
