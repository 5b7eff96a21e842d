using Aura.Core.Kernel;
using Aura.Core.Pipeline;

namespace Aura.Api.Contracts;

/// <summary>The finished video, as <c>job-completed</c> carries it: where to fetch the video and its subtitles.</summary>
public sealed record JobOutput(string VideoPath, string? SubtitlePath, long SizeBytes, string Url, string? SubtitleUrl, double? DurationSeconds)
{
    public const string VideoName = WorkLayout.VideoName;
    public const string SubtitleName = WorkLayout.SubtitleName;

    public static JobOutput? Of(JobSnapshot job) => job.FindArtifact(VideoName) is { } video
        ? new JobOutput(video.Path, job.FindArtifact(SubtitleName)?.Path, video.SizeBytes, JobUrls.Artifact(job.JobId, video.Name),
            job.FindArtifact(SubtitleName) is { } subtitles ? JobUrls.Artifact(job.JobId, subtitles.Name) : null, video.DurationSeconds)
        : null;
}
