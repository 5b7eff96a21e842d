namespace Aura.Core.Jobs;

/// <summary>The in-process <see cref="IJobCancelBus"/>: a cancel stops the run if this process's workers have it.</summary>
public sealed class LocalJobCancelBus(RunningJobs running) : IJobCancelBus
{
    public bool ReachesEveryNode => false;

    public Task RequestAsync(string jobId, CancellationToken cancellationToken)
    {
        running.TryCancel(jobId);
        return Task.CompletedTask;
    }
}
