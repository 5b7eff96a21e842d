namespace Aura.Core.Jobs;

/// <summary>The in-process <see cref="IJobChangeBus"/>: a change wakes this process's waiters at once.</summary>
public sealed class LocalJobChangeBus(JobChangeSignal signal) : IJobChangeBus
{
    public void Publish(string jobId) => signal.Raise(jobId);
}
