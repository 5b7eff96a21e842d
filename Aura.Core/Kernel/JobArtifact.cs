namespace Aura.Core.Kernel;

/// <summary>A file a job wrote. <see cref="Path"/> is absolute; clients fetch it by <see cref="Name"/>.</summary>
public sealed record JobArtifact(string Name, string Type, long SizeBytes, string Path, JobStage Stage);

public sealed record JobWarning(JobStage Stage, string Message, DateTimeOffset At);

/// <summary>Why a job failed, as the contract's <c>failure</c> object.</summary>
public sealed record JobFailure(
    string Code,
    string Message,
    string Remediation,
    JobStage Stage,
    DateTimeOffset FailedAt,
    string? StderrSnippet = null,
    string? LogPath = null);

/// <summary>Why a run failed, before the runner stamps it with the stage and the time.</summary>
public sealed record FailureReason(
    string Code,
    string Message,
    string Remediation,
    string? StderrSnippet = null,
    string? LogPath = null);
