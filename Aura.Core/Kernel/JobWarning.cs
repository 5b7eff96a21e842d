namespace Aura.Core.Kernel;

/// <summary>Something a stage reported that did not stop the job.</summary>
public sealed record JobWarning(JobStage Stage, string Message, DateTimeOffset At);
