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
