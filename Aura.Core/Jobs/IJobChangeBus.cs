namespace Aura.Core.Jobs;

/// <summary>
/// Where a writer says a job changed. The seam a bus shared by several instances replaces (its
/// subscriber raises each instance's <see cref="JobChangeSignal"/>); <see cref="LocalJobChangeBus"/>,
/// this process only, is the default.
/// </summary>
public interface IJobChangeBus
{
    /// <summary>Says <paramref name="jobId"/> changed: whoever waits on it, here or elsewhere, wakes.</summary>
    void Publish(string jobId);
}
