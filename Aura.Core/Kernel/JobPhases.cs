namespace Aura.Core.Kernel;

/// <summary>
/// The phases of the contract and the slice of the job's percent each one owns.
/// A stage reports its own 0–100 %; <see cref="MapPercent"/> places it in the job's 0–100 %.
/// </summary>
public static class JobPhases
{
    public const string Plan = "plan";
    public const string Tts = "tts";
    public const string Visuals = "visuals";
    public const string Compose = "compose";
    public const string Render = "render";
    public const string Complete = "complete";

    /// <summary>The stages that do work, in order.</summary>
    public static readonly IReadOnlyList<JobStage> WorkStages =
        [JobStage.Script, JobStage.Voice, JobStage.Visuals, JobStage.Compose, JobStage.Rendering];

    public static string PhaseOf(JobStage stage) => stage switch
    {
        JobStage.Queued or JobStage.Script => Plan,
        JobStage.Voice => Tts,
        JobStage.Visuals => Visuals,
        JobStage.Compose => Compose,
        JobStage.Rendering => Render,
        JobStage.Complete => Complete,
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };

    /// <summary>The job-percent range [Start, End] of a stage.</summary>
    public static (int Start, int End) RangeOf(JobStage stage) => stage switch
    {
        JobStage.Queued => (0, 0),
        JobStage.Script => (0, 15),
        JobStage.Voice => (15, 35),
        JobStage.Visuals => (35, 65),
        JobStage.Compose => (65, 85),
        JobStage.Rendering => (85, 100),
        JobStage.Complete => (100, 100),
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };

    /// <summary>Maps a stage's own percent (clamped to 0–100; NaN counts as 0) into the job's percent.</summary>
    public static int MapPercent(JobStage stage, double stagePercent)
    {
        var (start, end) = RangeOf(stage);
        var clamped = double.IsNaN(stagePercent) ? 0 : Math.Clamp(stagePercent, 0, 100);
        return start + (int)Math.Floor((end - start) * clamped / 100.0);
    }
}
