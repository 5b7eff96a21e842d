using Aura.Core.Kernel;
using Aura.Core.Pipeline.Scripts;

namespace Aura.Core.Pipeline;

/// <summary>
/// One run of a job's pipeline: the job, where its files lie, how it reports, and what the stages
/// have produced so far. Stages record their outputs here so the orchestrator can checkpoint them;
/// what an earlier stage produced (the script, the timeline) is read back from its file when that
/// stage was skipped on resume.
/// </summary>
public sealed class PipelineRun(JobContext job, IJobProgress progress, WorkLayout layout)
{
    private readonly List<JobArtifact> _artifacts = [];
    private readonly List<string> _files = [];
    private VideoScript? _script;
    private Timeline? _timeline;

    public JobContext Job { get; } = job;

    public IJobProgress Progress { get; } = progress;

    public WorkLayout Layout { get; } = layout;

    public JobStage CurrentStage { get; private set; } = JobStage.Queued;

    /// <summary>The artifacts the current stage announced, in order.</summary>
    public IReadOnlyList<JobArtifact> StageArtifacts => _artifacts;

    /// <summary>Every file the current stage wrote (artifacts included), absolute.</summary>
    public IReadOnlyList<string> StageFiles => _files;

    internal void BeginStage(JobStage stage)
    {
        CurrentStage = stage;
        _artifacts.Clear();
        _files.Clear();
    }

    /// <summary>Records a file the stage wrote that later stages or a resume rely on.</summary>
    public void RecordFile(string path) => _files.Add(Path.GetFullPath(path));

    /// <summary>Announces a finished file as an artifact of the current stage (size from the file).</summary>
    public async Task AnnounceArtifactAsync(string path, string type, TimeSpan? duration = null)
    {
        var full = Path.GetFullPath(path);
        var artifact = new JobArtifact(Path.GetFileName(full), type, new FileInfo(full).Length, full, CurrentStage,
            duration is { } length ? Math.Round(length.TotalSeconds, 3) : null);
        RecordFile(full);
        _artifacts.Add(artifact);
        await Progress.ArtifactWrittenAsync(artifact);
    }

    public void UseScript(VideoScript script) => _script = script;

    /// <summary>The script: the one written in this run, else the one the Script stage left on disk.</summary>
    public async Task<VideoScript> GetScriptAsync(CancellationToken cancellationToken) =>
        _script ??= await ScriptFile.ReadAsync(Layout.Script, cancellationToken);

    public void UseTimeline(Timeline timeline) => _timeline = timeline;

    /// <summary>The timeline: the one built in this run, else the one the Compose stage left on disk.</summary>
    public async Task<Timeline> GetTimelineAsync(CancellationToken cancellationToken) =>
        _timeline ??= await Timeline.ReadAsync(Layout.Timeline, cancellationToken);
}
