using Aura.Core.Kernel;
using Aura.Core.Pipeline.Checkpoints;

namespace Aura.Core.Pipeline.Orchestration;

/// <summary>
/// Runs the stages in pipeline order. A stage that finished in an earlier attempt of the same job
/// (its checkpoint and files are still there) is not run again: it is entered and its artifacts are
/// announced again, so every stage still shows, and the job continues from the first stage that
/// did not finish.
/// </summary>
public sealed class VideoOrchestrator(IEnumerable<IPipelineStage> stages, TimeProvider time) : IVideoOrchestrator
{
    private readonly IReadOnlyList<IPipelineStage> _stages = stages.OrderBy(s => s.Stage).ToList();

    public async Task RunAsync(JobContext job, IJobProgress progress, CancellationToken cancellationToken)
    {
        var layout = new WorkLayout(job.WorkFolder);
        var checkpoints = new CheckpointStore(layout);
        var run = new PipelineRun(job, progress, layout);
        var resuming = job.Attempt > 1;
        if (!resuming)
            checkpoints.Clear();

        foreach (var stage in _stages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (resuming && await checkpoints.FindUsableAsync(stage.Stage, cancellationToken) is { } done)
            {
                await SkipAsync(stage, done, checkpoints, progress);
                continue;
            }

            // From the first stage that runs, everything after it runs too: its inputs are new.
            resuming = false;
            checkpoints.RemoveFrom(stage.Stage);
            run.BeginStage(stage.Stage);
            await progress.EnterStageAsync(stage.Stage, stage.Title);
            try
            {
                await stage.RunAsync(run, cancellationToken);
                await checkpoints.SaveAsync(run, time.GetUtcNow(), cancellationToken);
            }
            catch (IOException error) when (DiskFull.Is(error))
            {
                throw DiskFull.Failure(stage.Stage, error);
            }
            await progress.ReportAsync(100, $"{stage.Title}: done");
        }
    }

    /// <summary>
    /// Shows a stage as done without running it. No percent is reported: the job already stands at
    /// or past this stage from the earlier attempt (the runner refuses to move a stage back), so a
    /// "100 %" here would land in the job's current stage and pin its percent near the end.
    /// </summary>
    private static async Task SkipAsync(IPipelineStage stage, StageCheckpoint done, CheckpointStore checkpoints, IJobProgress progress)
    {
        await progress.EnterStageAsync(stage.Stage, $"{stage.Title}: done in attempt {done.Attempt} (resumed)");
        foreach (var artifact in done.Artifacts)
            await progress.ArtifactWrittenAsync(checkpoints.Restore(artifact, stage.Stage));
    }
}
