using Aura.Core.Kernel;

namespace Aura.Api.Contracts;

/// <summary>The job as the contract shows it over REST and in <c>job-update</c> events.</summary>
public sealed record JobResponse(
    string JobId,
    JobStatus Status,
    JobStage Stage,
    string Phase,
    int Percent,
    string Message,
    int? EtaSeconds,
    string CorrelationId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset UpdatedAt,
    int Attempt,
    long Version,
    IReadOnlyList<ArtifactResponse> Artifacts,
    IReadOnlyList<JobWarning> Warnings,
    JobFailure? Failure,
    JobRequest Request,
    JobLinks Links)
{
    public static JobResponse From(JobSnapshot job) => new(
        job.JobId, job.Status, job.Stage, job.Phase, job.Percent, job.Message, job.EtaSeconds, job.CorrelationId,
        job.CreatedAt, job.StartedAt, job.CompletedAt, job.UpdatedAt, job.Attempt, job.Version,
        job.Artifacts.Select(a => ArtifactResponse.Of(job.JobId, a)).ToList(),
        job.Warnings, job.Failure, job.Request,
        new JobLinks(JobUrls.Job(job.JobId), JobUrls.Events(job.JobId), JobUrls.Cancel(job.JobId), JobUrls.FFmpegLog(job.JobId)));
}
