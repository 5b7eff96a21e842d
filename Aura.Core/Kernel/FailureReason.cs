namespace Aura.Core.Kernel;

/// <summary>Why a run failed, before the runner stamps it with the stage and the time.</summary>
public sealed record FailureReason(
    string Code,
    string Message,
    string Remediation,
    string? StderrSnippet = null,
    string? LogPath = null);
