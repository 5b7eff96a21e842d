using Aura.Core.Kernel;

namespace Aura.Api.Contracts;

/// <param name="ProgressPct">The job's percent (0–100), as a progress bar shows it.</param>
public sealed record StepProgressEvent(string JobId, JobStage Step, string Phase, int ProgressPct, string Message,
    int? EtaSeconds, string CorrelationId, DateTimeOffset Timestamp) : JobEvent(JobId, CorrelationId, Timestamp);
