using System.Text.Json.Serialization;
using Aura.Core.Kernel;

namespace Aura.Api.Contracts;

/// <summary>
/// One SSE event about a job: the closed family of the contract. <see cref="Name"/> is the SSE
/// event name; the record's other properties (camelCased) are its data.
/// </summary>
public abstract record JobEvent(string JobId, string CorrelationId, DateTimeOffset Timestamp)
{
    public const string JobStatusName = "job-status";
    public const string StepStatusName = "step-status";
    public const string StepProgressName = "step-progress";
    public const string WarningName = "warning";
    public const string ArtifactWrittenName = "artifact-written";
    public const string JobCompletedName = "job-completed";
    public const string JobFailedName = "job-failed";
    public const string JobCancelledName = "job-cancelled";

    /// <summary>The SSE event name; not part of the data.</summary>
    [JsonIgnore]
    public string Name => this switch
    {
        JobStatusEvent => JobStatusName,
        StepStatusEvent => StepStatusName,
        StepProgressEvent => StepProgressName,
        WarningEvent => WarningName,
        ArtifactWrittenEvent => ArtifactWrittenName,
        JobCompletedEvent => JobCompletedName,
        JobFailedEvent => JobFailedName,
        JobCancelledEvent => JobCancelledName,
        _ => throw new InvalidOperationException($"unknown event {GetType().Name}"),
    };

    [JsonIgnore]
    public bool IsTerminal => this is JobCompletedEvent or JobFailedEvent or JobCancelledEvent;
}

public sealed record JobStatusEvent(string JobId, JobStatus Status, JobStage Stage, string Phase, int Percent,
    string CorrelationId, DateTimeOffset Timestamp) : JobEvent(JobId, CorrelationId, Timestamp);

/// <param name="Step">The stage.</param>
public sealed record StepStatusEvent(string JobId, JobStage Step, string Phase, JobStatus Status,
    string CorrelationId, DateTimeOffset Timestamp) : JobEvent(JobId, CorrelationId, Timestamp);

/// <param name="ProgressPct">The job's percent (0–100), as a progress bar shows it.</param>
public sealed record StepProgressEvent(string JobId, JobStage Step, string Phase, int ProgressPct, string Message,
    int? EtaSeconds, string CorrelationId, DateTimeOffset Timestamp) : JobEvent(JobId, CorrelationId, Timestamp);

public sealed record WarningEvent(string JobId, JobStage Step, string Message,
    string CorrelationId, DateTimeOffset Timestamp) : JobEvent(JobId, CorrelationId, Timestamp);

public sealed record ArtifactWrittenEvent(string JobId, JobStage Step, ArtifactView Artifact,
    string CorrelationId, DateTimeOffset Timestamp) : JobEvent(JobId, CorrelationId, Timestamp);

public sealed record JobCompletedEvent(string JobId, JobStatus Status, IReadOnlyList<ArtifactView> Artifacts,
    JobOutput? Output, string CorrelationId, DateTimeOffset Timestamp) : JobEvent(JobId, CorrelationId, Timestamp);

public sealed record JobFailedEvent(string JobId, JobStatus Status, JobStage Stage, IReadOnlyList<EventError> Errors,
    string? StderrSnippet, string? LogPath, string CorrelationId, DateTimeOffset Timestamp)
    : JobEvent(JobId, CorrelationId, Timestamp);

public sealed record JobCancelledEvent(string JobId, JobStatus Status, JobStage Stage, string Message,
    string CorrelationId, DateTimeOffset Timestamp) : JobEvent(JobId, CorrelationId, Timestamp);

public sealed record EventError(string Code, string Message, string Remediation);
