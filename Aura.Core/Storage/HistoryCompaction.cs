using Aura.Core.Kernel;

namespace Aura.Core.Storage;

/// <summary>
/// Which snapshots of an ended job's history a resuming client can need. A client resuming from
/// version v is sent the diff from the latest kept snapshot at or before v to the job's newest
/// state. Keeping the first and the last snapshot of every step (a run of snapshots with the same
/// status, stage and attempt) keeps each stage change, the last progress of each stage and the
/// end, and bounds the history by the number of steps. The kept snapshot is never later than the
/// one the client saw, and a job only moves forward (status, stage, warnings), so the diff from it
/// sends no less than the client missed: at worst some of it again.
/// </summary>
public static class HistoryCompaction
{
    /// <summary>The versions to drop from <paramref name="history"/> (one job's snapshots, in version order).</summary>
    public static IReadOnlyList<long> VersionsToDrop(IReadOnlyList<JobSnapshot> history)
    {
        var drop = new List<long>();
        for (var i = 1; i < history.Count - 1; i++)
        {
            var step = StepOf(history[i]);
            if (step == StepOf(history[i - 1]) && step == StepOf(history[i + 1]))
                drop.Add(history[i].Version);
        }
        return drop;
    }

    private static (JobStatus, JobStage, int) StepOf(JobSnapshot job) => (job.Status, job.Stage, job.Attempt);
}
