using Aura.Api.Contracts;
using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Tests.Support;

namespace Aura.Tests.Events;

public sealed class JobDiffTests
{
    private static string Describe(JobEvent e) => e switch
    {
        StepStatusEvent s => $"{e.Name}:{s.Step}:{s.Status}",
        JobStatusEvent s => $"{e.Name}:{s.Status}",
        StepProgressEvent p => $"{e.Name}:{p.ProgressPct}",
        ArtifactWrittenEvent a => $"{e.Name}:{a.Artifact.Name}",
        _ => e.Name,
    };

    private static List<string> Diff(JobSnapshot? before, JobSnapshot after) => JobDiff.Compute(before, after).Select(Describe).ToList();

    [Fact]
    public void The_first_batch_of_a_queued_job_is_its_status_and_progress()
    {
        Assert.Equal(["job-status:Queued", "step-progress:0"], Diff(null, TestJobs.New()));
    }

    [Fact]
    public void The_first_batch_of_a_running_job_carries_the_whole_state_with_every_stage_passed()
    {
        var job = TestJobs.New().Running().At(JobStage.Script).Then(new JobChange.ArtifactWritten(TestJobs.Artifact("script.json", JobStage.Script)))
            .At(JobStage.Voice).Then(new JobChange.Warned("espeak-ng was not found")).At(JobStage.Visuals, 50);

        Assert.Equal(
            ["job-status:Running", "step-status:Script:Succeeded", "step-status:Voice:Succeeded", "step-status:Visuals:Running",
             "step-progress:50", "warning", "artifact-written:script.json"],
            Diff(null, job));
    }

    [Fact]
    public void An_eta_that_alone_changed_sends_nothing()
    {
        var job = TestJobs.New().Running().At(JobStage.Rendering, 40).Then(new JobChange.Progress(40, "Encoding", 9));
        Assert.Empty(JobDiff.Compute(job, job.Then(new JobChange.Progress(40, "Encoding", 12))));
    }

    [Fact]
    public void No_change_means_no_events()
    {
        var job = TestJobs.New().Running().At(JobStage.Voice, 20);
        Assert.Empty(JobDiff.Compute(job, job));
    }

    [Fact]
    public void Each_kind_of_change_sends_its_event()
    {
        var before = TestJobs.New().Running().At(JobStage.Voice, 20);

        Assert.Equal(["step-progress:25"], Diff(before, before.Then(new JobChange.Progress(50, "half", 3))));
        Assert.Equal(["step-progress:19"], Diff(before, before.Then(new JobChange.Progress(0, "new message", null))));
        Assert.Equal(["warning"], Diff(before, before.Then(new JobChange.Warned("careful"))));
        Assert.Equal(["artifact-written:narration.wav"],
            Diff(before, before.Then(new JobChange.ArtifactWritten(TestJobs.Artifact("narration.wav", JobStage.Voice)))));
        Assert.Equal(["step-status:Voice:Succeeded", "step-status:Visuals:Running", "step-progress:35"],
            Diff(before, before.Then(new JobChange.StageEntered(JobStage.Visuals, "Drawing"))));
    }

    [Fact]
    public void A_stage_passed_between_two_polls_is_never_skipped()
    {
        var before = TestJobs.New().Running().At(JobStage.Script, 50);
        var after = before.At(JobStage.Voice, 100).At(JobStage.Visuals, 100).At(JobStage.Compose, 10);

        Assert.Equal(
            ["step-status:Script:Succeeded", "step-status:Voice:Succeeded", "step-status:Visuals:Succeeded", "step-status:Compose:Running", "step-progress:67"],
            Diff(before, after));
    }

    [Fact]
    public void Resuming_from_an_earlier_version_sends_only_what_changed_since()
    {
        var seen = TestJobs.New().Running().At(JobStage.Visuals, 10);
        var now = seen.Then(new JobChange.ArtifactWritten(TestJobs.Artifact("card-01.png", JobStage.Visuals)), new JobChange.Progress(60, "card 2", null));

        Assert.Equal(["step-progress:53", "artifact-written:card-01.png"], Diff(seen, now));
    }

    [Fact]
    public void A_job_that_succeeded_ends_with_job_completed_carrying_the_output()
    {
        var before = TestJobs.New().Running().At(JobStage.Rendering, 90);
        var video = TestJobs.Artifact(JobOutput.VideoName, JobStage.Rendering, 1234) with { Path = "/data/jobs/job-1/video.mp4" };
        var srt = TestJobs.Artifact(JobOutput.SubtitleName, JobStage.Compose) with { Path = "/data/jobs/job-1/video.srt" };
        var done = before.Then(new JobChange.ArtifactWritten(srt), new JobChange.ArtifactWritten(video), new JobChange.Succeeded("Video ready"));

        var events = JobDiff.Compute(before, done);

        Assert.Equal(["job-status:Succeeded", "step-status:Rendering:Succeeded", "step-status:Complete:Succeeded", "step-progress:100",
            "artifact-written:video.srt", "artifact-written:video.mp4", "job-completed"], events.Select(Describe));
        var completed = Assert.IsType<JobCompletedEvent>(events[^1]);
        Assert.Equal(new JobOutput("/data/jobs/job-1/video.mp4", "/data/jobs/job-1/video.srt", 1234, "/api/jobs/job-1/artifacts/video.mp4",
            "/api/jobs/job-1/artifacts/video.srt", null), completed.Output);
        Assert.Equal(2, completed.Artifacts.Count);
        Assert.Single(events, e => e.IsTerminal);
    }

    [Fact]
    public void A_failed_job_ends_with_job_failed_naming_the_stage_and_error()
    {
        var before = TestJobs.New().Running().At(JobStage.Rendering, 30);
        var failed = before.Then(new JobChange.Failed(new FailureReason("E306-DISK_FULL", "No space left", "Free some disk", "No space left on device", "/Logs/ffmpeg/job-1.log")));

        var events = JobDiff.Compute(before, failed);

        Assert.Equal(["job-status:Failed", "step-status:Rendering:Failed", "step-progress:89", "job-failed"], events.Select(Describe));
        var end = Assert.IsType<JobFailedEvent>(events[^1]);
        Assert.Equal((JobStage.Rendering, "E306-DISK_FULL", "No space left on device", "/Logs/ffmpeg/job-1.log"),
            (end.Stage, Assert.Single(end.Errors).Code, end.StderrSnippet, end.LogPath));
    }

    [Fact]
    public void A_canceled_job_ends_with_job_cancelled()
    {
        var before = TestJobs.New().Running().At(JobStage.Voice, 30);
        var events = JobDiff.Compute(before, before.Then(new JobChange.Canceled("Canceled by request")));

        Assert.Equal(["job-status:Canceled", "step-status:Voice:Canceled", "step-progress:21", "job-cancelled"], events.Select(Describe));
    }

    [Fact]
    public void The_first_batch_of_an_ended_job_ends_with_its_one_terminal_event()
    {
        var done = TestJobs.New().Running().At(JobStage.Script).At(JobStage.Voice).Then(new JobChange.Failed(new FailureReason("E307-TTS_FAILED", "tts", "fix")));

        var events = Diff(null, done);

        Assert.Equal(["job-status:Failed", "step-status:Script:Succeeded", "step-status:Voice:Failed", "step-progress:15", "job-failed"], events);
        Assert.Empty(JobDiff.Compute(done, done));
    }

    [Fact]
    public void Every_event_carries_the_jobs_correlation_id_and_the_time_of_the_change()
    {
        var job = TestJobs.New().Running().At(JobStage.Voice);
        Assert.All(JobDiff.Compute(null, job), e => Assert.Equal(("job-1", "corr-1", job.UpdatedAt), (e.JobId, e.CorrelationId, e.Timestamp)));
    }
}
