namespace Aura.Api.Health;

/// <summary>The <c>ffmpeg</c> part of <c>/health</c>.</summary>
public sealed record FFmpegHealth(bool Ready, string? Path, string? ProbePath, string? Version, bool HasLibx264, string? Problem, string? Remediation);
