using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Tests.Support;

namespace Aura.Tests.Jobs;

public sealed class JobStateMachineTests
{
    private static bool Apply(JobSnapshot job, JobChange change, out JobSnapshot next) =>
        JobStateMachine.TryApply(job, change, job.UpdatedAt.AddSeconds(1), out next, out _);

    [Fact]
    public void Starting_a_queued_job_makes_it_running_with_a_start_time_and_attempt_one()
    {
        var job = TestJobs.New();
        Assert.True(Apply(job, new JobChange.Started(1), out var running));
        Assert.Equal(JobStatus.Running, running.Status);
        Assert.Equal(1, running.Attempt);
        Assert.Equal(job.UpdatedAt.AddSeconds(1), running.StartedAt);
    }

    [Theory]
    [MemberData(nameof(EveryChange))]
    public void A_terminal_status_is_final(JobChange change)
    {
        foreach (var ended in new[]
        {
            TestJobs.New().Running().Then(new JobChange.Succeeded("done")),
            TestJobs.New().Running().Then(new JobChange.Failed(new FailureReason("E304-FFMPEG_RUNTIME", "boom", "fix it"))),
            TestJobs.New().Then(new JobChange.Canceled("stop")),
        })
        {
            Assert.False(Apply(ended, change, out var next));
            Assert.Same(ended, next);
        }
    }

    public static TheoryData<JobChange> EveryChange() => new()
    {
        new JobChange.Started(5), new JobChange.StageEntered(JobStage.Voice, "v"), new JobChange.Progress(50, "p", 3),
        new JobChange.Warned("w"), new JobChange.ArtifactWritten(TestJobs.Artifact("a.png", JobStage.Visuals)),
        new JobChange.Succeeded("s"), new JobChange.Failed(new FailureReason("E", "m", "r")), new JobChange.Canceled("c"),
    };

    [Fact]
    public void The_stage_never_goes_back()
    {
        var job = TestJobs.New().Running().At(JobStage.Visuals);
        Assert.False(Apply(job, new JobChange.StageEntered(JobStage.Voice, "back"), out _));
    }

    [Fact]
    public void The_percent_never_goes_down()
    {
        var job = TestJobs.New().Running().At(JobStage.Voice, 80);
        Assert.Equal(31, job.Percent);
        Assert.True(Apply(job, new JobChange.Progress(10, "a stage that reports less", null), out var next));
        Assert.Equal(31, next.Percent);
    }

    [Fact]
    public void The_percent_reads_100_only_once_the_job_succeeded()
    {
        var rendered = TestJobs.New().Running().At(JobStage.Rendering, 100);
        Assert.Equal(JobStateMachine.MaxRunningPercent, rendered.Percent);
        Assert.True(Apply(rendered, new JobChange.Succeeded("Video ready"), out var done));
        Assert.Equal((100, JobStage.Complete, JobStatus.Succeeded), (done.Percent, done.Stage, done.Status));
        Assert.NotNull(done.CompletedAt);
    }

    [Fact]
    public void A_failure_is_recorded_with_the_stage_it_happened_in_and_the_time()
    {
        var job = TestJobs.New().Running().At(JobStage.Rendering, 40);
        Assert.True(Apply(job, new JobChange.Failed(new FailureReason("E304-FFMPEG_RUNTIME", "ffmpeg exited 1", "see log", "stderr tail", "/logs/x.log")), out var failed));
        Assert.Equal(JobStatus.Failed, failed.Status);
        Assert.Equal(new JobFailure("E304-FFMPEG_RUNTIME", "ffmpeg exited 1", "see log", JobStage.Rendering, failed.UpdatedAt, "stderr tail", "/logs/x.log"), failed.Failure);
        Assert.Equal(failed.UpdatedAt, failed.CompletedAt);
    }

    [Fact]
    public void Work_needs_a_running_job()
    {
        var queued = TestJobs.New();
        Assert.False(Apply(queued, new JobChange.StageEntered(JobStage.Script, "s"), out _));
        Assert.False(Apply(queued, new JobChange.Progress(10, "p", null), out _));
        Assert.False(Apply(queued, new JobChange.Succeeded("s"), out _));
        Assert.True(Apply(queued, new JobChange.Canceled("before it started"), out var canceled));
        Assert.Equal(JobStatus.Canceled, canceled.Status);
    }

    [Fact]
    public void A_resume_is_a_later_attempt_of_a_running_job()
    {
        var running = TestJobs.New().Running().At(JobStage.Compose, 50);
        Assert.False(Apply(running, new JobChange.Started(1), out _));
        Assert.True(Apply(running, new JobChange.Started(2), out var resumed));
        Assert.Equal((2, JobStage.Compose, running.Percent, running.StartedAt), (resumed.Attempt, resumed.Stage, resumed.Percent, resumed.StartedAt));
    }

    [Fact]
    public void Progress_of_a_stage_the_job_has_passed_does_not_apply()
    {
        var job = TestJobs.New().Running().At(JobStage.Compose, 10);
        Assert.False(Apply(job, new JobChange.Progress(100, "voice redone on a resume", null, JobStage.Voice), out _));
        Assert.True(Apply(job, new JobChange.Progress(50, "compose", null, JobStage.Compose), out var next));
        Assert.Equal(75, next.Percent);
    }

    [Fact]
    public void The_same_artifact_announced_again_is_no_change()
    {
        var artifact = TestJobs.Artifact("card-01.png", JobStage.Visuals);
        var job = TestJobs.New().Running().At(JobStage.Visuals).Then(new JobChange.ArtifactWritten(artifact));
        Assert.True(Apply(job, new JobChange.ArtifactWritten(artifact with { }), out var next));
        Assert.Same(job.Artifacts, next.Artifacts);
    }

    [Fact]
    public void An_artifact_written_again_replaces_the_older_entry()
    {
        var job = TestJobs.New().Running().At(JobStage.Visuals)
            .Then(new JobChange.ArtifactWritten(TestJobs.Artifact("card-01.png", JobStage.Visuals, 10)),
                  new JobChange.ArtifactWritten(TestJobs.Artifact("card-01.png", JobStage.Visuals, 20)));
        Assert.Equal(20, Assert.Single(job.Artifacts).SizeBytes);
    }
}
