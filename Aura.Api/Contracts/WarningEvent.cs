using Aura.Core.Kernel;

namespace Aura.Api.Contracts;

public sealed record WarningEvent(string JobId, JobStage Step, string Message,
    string CorrelationId, DateTimeOffset Timestamp) : JobEvent(JobId, CorrelationId, Timestamp);
