using Aura.Core.Kernel;

namespace Aura.Api.Contracts;

public sealed record JobStatusEvent(string JobId, JobStatus Status, JobStage Stage, string Phase, int Percent,
    string CorrelationId, DateTimeOffset Timestamp) : JobEvent(JobId, CorrelationId, Timestamp);
