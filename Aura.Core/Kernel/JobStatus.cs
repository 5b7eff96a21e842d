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
