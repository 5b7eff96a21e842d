using Aura.Core.Kernel;

namespace Aura.Api.Contracts;

public sealed record ArtifactWrittenEvent(string JobId, JobStage Step, ArtifactResponse Artifact,
    string CorrelationId, DateTimeOffset Timestamp) : JobEvent(JobId, CorrelationId, Timestamp);
