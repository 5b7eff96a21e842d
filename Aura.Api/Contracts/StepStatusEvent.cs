using Aura.Core.Kernel;

namespace Aura.Api.Contracts;

/// <param name="Step">The stage.</param>
public sealed record StepStatusEvent(string JobId, JobStage Step, string Phase, JobStatus Status,
    string CorrelationId, DateTimeOffset Timestamp) : JobEvent(JobId, CorrelationId, Timestamp);
