using Aura.Core.Kernel;

namespace Aura.Api.Contracts;

public sealed record JobCancelledEvent(string JobId, JobStatus Status, JobStage Stage, string Message,
    string CorrelationId, DateTimeOffset Timestamp) : JobEvent(JobId, CorrelationId, Timestamp);
