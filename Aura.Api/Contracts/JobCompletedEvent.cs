using Aura.Core.Kernel;

namespace Aura.Api.Contracts;

public sealed record JobCompletedEvent(string JobId, JobStatus Status, IReadOnlyList<ArtifactResponse> Artifacts,
    JobOutput? Output, string CorrelationId, DateTimeOffset Timestamp) : JobEvent(JobId, CorrelationId, Timestamp);
