using Aura.Core.Jobs;
using Aura.Core.Kernel;

namespace Aura.Tests.Support;

/// <summary>Snapshots for tests, built through the real state machine so they are states a job can be in.</summary>
public static class TestJobs
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 23, 16, 0, 0, TimeSpan.Zero);
    private static long _version;

    public static JobSnapshot New(string topic = "Why the sky is blue") =>
        JobStateMachine.NewJob("job-1", "corr-1", JobRequest.ForTopic(topic), T0) with { Version = Interlocked.Increment(ref _version) };

    /// <summary>Applies the changes in order, each one second after the last, numbering versions as a store would.</summary>
    public static JobSnapshot Then(this JobSnapshot job, params JobChange[] changes)
    {
        foreach (var change in changes)
        {
            Assert.True(JobStateMachine.TryApply(job, change, job.UpdatedAt.AddSeconds(1), out var next, out var why), why);
            job = next with { Version = job.Version + 1 };
        }
        return job;
    }

    public static JobSnapshot Running(this JobSnapshot job) => job.Then(new JobChange.Started(1));

    public static JobSnapshot At(this JobSnapshot job, JobStage stage, double stagePercent = 0) =>
        job.Then(new JobChange.StageEntered(stage, $"{stage}"), new JobChange.Progress(stagePercent, $"{stage} {stagePercent}%", null));

    public static JobArtifact Artifact(string name, JobStage stage, long size = 10) =>
        new(name, "application/octet-stream", size, "/tmp/" + name, stage);
}
