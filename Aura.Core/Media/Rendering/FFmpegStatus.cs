using Aura.Core.Kernel;

namespace Aura.Core.Media.Rendering;

/// <summary>Whether FFmpeg can render here, and if not, what is wrong and what to do about it.</summary>
/// <param name="IsUsable">ffmpeg runs, has libx264, and ffprobe was found.</param>
/// <param name="FFmpegPath">The ffmpeg found (even when unusable), or null.</param>
/// <param name="ProbePath">The ffprobe found, or null.</param>
/// <param name="Version">As ffmpeg prints it, e.g. "5.1.9-0+deb12u1"; null when it did not run.</param>
/// <param name="Problem">What is wrong, for people; null when usable.</param>
/// <param name="Remediation">What to do about it; null when usable.</param>
public sealed record FFmpegStatus(
    bool IsUsable,
    string? FFmpegPath,
    string? ProbePath,
    string? Version,
    bool HasLibx264,
    string? Problem,
    string? Remediation)
{
    /// <summary>The E302 failure to refuse (409) or fail a job with while FFmpeg is unusable; null when usable.</summary>
    public FailureReason? AsFailure() =>
        IsUsable ? null : new FailureReason(ErrorCodes.FFmpegNotFound, Problem ?? "FFmpeg is not usable.", Remediation ?? FFmpegLocator.InstallAdvice);
}
