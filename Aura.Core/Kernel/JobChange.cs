namespace Aura.Core.Kernel;

/// <summary>A change to a job: the closed family the state machine knows how to apply.</summary>
public abstract record JobChange
{
    private JobChange() { }

    /// <summary>A worker picked the job up (attempt 1) or resumed it after a restart (attempt n+1).</summary>
    public sealed record Started(int Attempt) : JobChange;

    /// <summary>The job moved on to a stage; the percent jumps to the stage's start.</summary>
    public sealed record StageEntered(JobStage Stage, string Message) : JobChange;

    /// <summary>
    /// A stage reports its own percent (0–100); the runner maps it into the job's. <paramref name="Stage"/>
    /// is the stage that reported it: progress of a stage the job has already passed (a stage redone on a
    /// resume) does not apply. Null means the job's current stage.
    /// </summary>
    public sealed record Progress(double StagePercent, string Message, int? EtaSeconds, JobStage? Stage = null) : JobChange;

    public sealed record Warned(string Message) : JobChange;

    /// <summary>A file was written; one with the same name replaces the older entry.</summary>
    public sealed record ArtifactWritten(JobArtifact Artifact) : JobChange;

    public sealed record Succeeded(string Message) : JobChange;

    /// <summary>The job failed in its current stage.</summary>
    public sealed record Failed(FailureReason Reason) : JobChange;

    public sealed record Canceled(string Message) : JobChange;
}
