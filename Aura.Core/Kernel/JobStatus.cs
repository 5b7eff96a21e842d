namespace Aura.Core.Kernel;

/// <summary>Where a job is in its life. The last three are terminal: nothing leaves them.</summary>
public enum JobStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Canceled,
}

/// <summary>The pipeline stage a job is in, in pipeline order (the order is relied upon).</summary>
public enum JobStage
{
    Queued,
    Script,
    Voice,
    Visuals,
    Compose,
    Rendering,
    Complete,
}

public static class JobStatusExtensions
{
    public static bool IsTerminal(this JobStatus status) =>
        status is JobStatus.Succeeded or JobStatus.Failed or JobStatus.Canceled;
}
