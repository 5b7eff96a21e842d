using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Core.Storage;

namespace Aura.Tests.Storage;

/// <summary>Jobs kept in a store, for the storage tests (the state machine's own builders are <see cref="Support.TestJobs"/>).</summary>
internal static class StoredJobs
{
    public static readonly DateTimeOffset T0 = Support.TestJobs.T0;

    public static JobSnapshot New(string jobId, DateTimeOffset? createdAt = null) =>
        JobStateMachine.NewJob(jobId, "cid-" + jobId, JobRequest.ForTopic("Topic of " + jobId), createdAt ?? T0);

    public static JobSnapshot Ended(JobSnapshot job, JobStatus status, DateTimeOffset completedAt) =>
        job with { Status = status, Stage = JobStage.Complete, CompletedAt = completedAt, UpdatedAt = completedAt };

    /// <summary>Keeps a new job and returns it as stored.</summary>
    public static Task<JobSnapshot> AddAsync(this IJobStore store, string jobId, DateTimeOffset? createdAt = null) =>
        store.SaveAsync(New(jobId, createdAt), 0, CancellationToken.None);

    /// <summary>Keeps the next state of a stored job, derived from <paramref name="current"/>.</summary>
    public static Task<JobSnapshot> NextAsync(this IJobStore store, JobSnapshot current, Func<JobSnapshot, JobSnapshot> change) =>
        store.SaveAsync(change(current), current.Version, CancellationToken.None);

    /// <summary>A job with every field set, nested records and lists included.</summary>
    public static JobSnapshot FullyPopulated() => new()
    {
        JobId = "8d3f0c1e",
        CorrelationId = "abc123:x.y_z",
        Request = new JobRequest(
            new Brief("Why the sky is blue", "children", "teach", "warm", "fr"),
            new PlanSpec(TimeSpan.FromSeconds(95.5), "Fast"),
            new VoiceSpec("fr-x", 1.25),
            new RenderSpec(new Resolution(1920, 1080), 25, "mkv", 4000, 192)),
        Status = JobStatus.Failed,
        Stage = JobStage.Rendering,
        Percent = 91,
        Message = "Encoding 00:00:21 of 00:00:30 — « ünïcode »",
        EtaSeconds = 4,
        CreatedAt = T0,
        StartedAt = T0.AddSeconds(1.25),
        CompletedAt = new DateTimeOffset(2026, 11, 23, 18, 0, 5, 123, TimeSpan.FromHours(2)),
        UpdatedAt = T0.AddTicks(12_345_678),
        Attempt = 2,
        Version = 1042,
        Artifacts =
        [
            new JobArtifact("voice.wav", "audio/wav", 42, "/data/jobs/8d3f0c1e/voice.wav", JobStage.Voice),
            new JobArtifact("video.mp4", "video/mp4", 1_234_567, "/data/jobs/8d3f0c1e/video.mp4", JobStage.Rendering),
        ],
        Warnings = [new JobWarning(JobStage.Voice, "espeak-ng is missing; narration is silent", T0.AddSeconds(3))],
        Failure = new JobFailure("E304-FFMPEG_RUNTIME", "FFmpeg exited with code 1", "Check the log",
            JobStage.Rendering, T0.AddSeconds(30), "Invalid data found", "/Logs/ffmpeg/8d3f0c1e.log"),
    };

    /// <summary>Equal in every kept field (records holding lists compare those lists by reference).</summary>
    public static void AssertSameJob(JobSnapshot? expected, JobSnapshot? actual)
    {
        Assert.NotNull(expected);
        Assert.NotNull(actual);
        Assert.Equal(StoreJson.Serialize(expected), StoreJson.Serialize(actual));
    }
}
