using Aura.Core.Kernel;

namespace Aura.Api.Contracts;

public sealed record JobFailedEvent(string JobId, JobStatus Status, JobStage Stage, IReadOnlyList<EventError> Errors,
    string? StderrSnippet, string? LogPath, string CorrelationId, DateTimeOffset Timestamp)
    : JobEvent(JobId, CorrelationId, Timestamp);
