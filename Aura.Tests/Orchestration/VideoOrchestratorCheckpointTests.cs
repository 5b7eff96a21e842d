using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Core.Pipeline;
using Aura.Core.Pipeline.Orchestration;

namespace Aura.Tests.Orchestration;

// The orchestrator's own logic (order, checkpoints, resume) with stages that only write a file each;
// the real stages are exercised end to end in VideoOrchestratorEndToEndTests.
public sealed class VideoOrchestratorCheckpointTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_first_run_enters_every_stage_in_order_and_checkpoints_each()
    {
        var stages = FileStage.AllFive();
        var progress = new ProgressRecorder();

        await Orchestrator(stages).RunAsync(Job(attempt: 1), progress, CancellationToken.None);

        Assert.Equal(JobPhases.WorkStages, progress.StagesEntered);
        Assert.All(stages, s => Assert.Equal(1, s.Runs));
        Assert.All(JobPhases.WorkStages, s => Assert.True(File.Exists(_temp.Combine("checkpoints", s.ToString().ToLowerInvariant() + ".json"))));
        Assert.Equal(stages.Select(s => s.FileName), progress.Artifacts.Select(a => a.Name));
    }

    [Fact]
    public async Task A_second_attempt_skips_the_finished_stages_but_still_shows_them_and_their_artifacts()
    {
        var first = FileStage.AllFive(failIn: JobStage.Compose);
        await Assert.ThrowsAsync<JobFailedException>(() => Orchestrator(first).RunAsync(Job(attempt: 1), new ProgressRecorder(), CancellationToken.None));
        var second = FileStage.AllFive();
        var progress = new ProgressRecorder();

        await Orchestrator(second).RunAsync(Job(attempt: 2), progress, CancellationToken.None);

        Assert.Equal([0, 0, 0, 1, 1], second.Select(s => s.Runs));
        Assert.Equal(JobPhases.WorkStages, progress.StagesEntered);
        Assert.Contains(new ProgressRecorder.Said.Entered(JobStage.Voice, "Doing Voice: done in attempt 1 (resumed)"), progress.All);
        Assert.Empty(progress.ProgressOf(JobStage.Voice)); // no percent: the job already stands past it
        Assert.Equal(second.Select(s => s.FileName), progress.Artifacts.Select(a => a.Name));
        Assert.All(progress.Artifacts, a => Assert.Equal(new FileInfo(a.Path).Length, a.SizeBytes));
    }

    [Fact]
    public async Task A_stage_whose_file_went_missing_runs_again_and_so_does_everything_after_it()
    {
        await Orchestrator(FileStage.AllFive()).RunAsync(Job(attempt: 1), new ProgressRecorder(), CancellationToken.None);
        File.Delete(_temp.Combine("voice.out"));
        var again = FileStage.AllFive();

        await Orchestrator(again).RunAsync(Job(attempt: 2), new ProgressRecorder(), CancellationToken.None);

        Assert.Equal([0, 1, 1, 1, 1], again.Select(s => s.Runs));
    }

    [Fact]
    public async Task A_first_attempt_ignores_checkpoints_left_in_its_folder()
    {
        await Orchestrator(FileStage.AllFive()).RunAsync(Job(attempt: 1), new ProgressRecorder(), CancellationToken.None);
        var again = FileStage.AllFive();

        await Orchestrator(again).RunAsync(Job(attempt: 1), new ProgressRecorder(), CancellationToken.None);

        Assert.All(again, s => Assert.Equal(1, s.Runs));
    }

    [Fact]
    public async Task A_torn_checkpoint_is_not_trusted()
    {
        await Orchestrator(FileStage.AllFive()).RunAsync(Job(attempt: 1), new ProgressRecorder(), CancellationToken.None);
        await File.WriteAllTextAsync(_temp.Combine("checkpoints", "visuals.json"), "{ \"stage\": ");
        var again = FileStage.AllFive();

        await Orchestrator(again).RunAsync(Job(attempt: 2), new ProgressRecorder(), CancellationToken.None);

        Assert.Equal([0, 0, 1, 1, 1], again.Select(s => s.Runs));
    }

    [Fact]
    public async Task A_full_disk_in_a_stage_fails_the_job_as_E306_and_leaves_no_checkpoint_for_it()
    {
        var stages = FileStage.AllFive();
        stages[2] = new FileStage(JobStage.Visuals, fail: false, error: new IOException("No space left on device", 28));

        var failure = await Assert.ThrowsAsync<JobFailedException>(() => Orchestrator(stages).RunAsync(Job(attempt: 1), new ProgressRecorder(), CancellationToken.None));

        Assert.Equal(ErrorCodes.DiskFull, failure.Reason.Code);
        Assert.False(File.Exists(_temp.Combine("checkpoints", "visuals.json")));
    }

    private static VideoOrchestrator Orchestrator(IEnumerable<IPipelineStage> stages) =>
        new(stages.Reverse(), TimeProvider.System); // given out of order on purpose: the orchestrator sorts them

    private JobContext Job(int attempt) =>
        new("job-1", "corr-1", JobRequest.ForTopic("files"), _temp.Path, _temp.Combine("ffmpeg.log"), attempt);

    /// <summary>A stage that writes one small file and announces it, or fails when told to.</summary>
    private sealed class FileStage(JobStage stage, bool fail, Exception? error = null) : IPipelineStage
    {
        public static List<FileStage> AllFive(JobStage? failIn = null) =>
            JobPhases.WorkStages.Select(s => new FileStage(s, s == failIn)).ToList();

        public int Runs { get; private set; }

        public JobStage Stage => stage;

        public string Title => $"Doing {stage}";

        public string FileName => stage.ToString().ToLowerInvariant() + ".out";

        public async Task RunAsync(PipelineRun run, CancellationToken cancellationToken)
        {
            Runs++;
            if (fail)
                throw new JobFailedException(ErrorCodes.Internal, "told to fail", "none");
            if (error is not null)
                throw error;
            var path = Path.Combine(run.Layout.Root, FileName);
            await File.WriteAllTextAsync(path, new string('x', 10 + (int)stage), cancellationToken);
            await run.AnnounceArtifactAsync(path, "text/plain");
        }
    }
}
