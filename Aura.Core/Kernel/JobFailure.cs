namespace Aura.Core.Kernel;

/// <summary>Why a job failed, as the contract's <c>failure</c> object.</summary>
public sealed record JobFailure(
    string Code,
    string Message,
    string Remediation,
    JobStage Stage,
    DateTimeOffset FailedAt,
    string? StderrSnippet = null,
    string? LogPath = null);
