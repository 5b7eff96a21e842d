using Aura.Core.Kernel;

namespace Aura.Core.Media.Rendering;

/// <summary>Turns how an FFmpeg run ended into one of the contract's E-codes, with advice for an operator.</summary>
public static class FFmpegFailureClassifier
{
    private const int MaxMessageDetail = 240;

    /// <summary>A run that started and exited with <paramref name="exitCode"/> (non-zero).</summary>
    public static FailureReason Classify(int exitCode, string stderrTail, string purpose, string logPath)
    {
        if (Mentions(stderrTail, "No space left on device") || Mentions(stderrTail, "ENOSPC"))
            return new FailureReason(ErrorCodes.DiskFull,
                $"The disk filled up while FFmpeg was writing ({purpose}).",
                DiskFullAdvice.ThenRunAgain,
                stderrTail, logPath);

        if (Mentions(stderrTail, "Unknown encoder 'libx264'") || Mentions(stderrTail, "Encoder not found"))
            return new FailureReason(ErrorCodes.FFmpegNotFound,
                $"The installed FFmpeg cannot encode H.264 ({purpose}).",
                FFmpegLocator.InstallAdvice, stderrTail, logPath);

        var lastLine = LastLine(stderrTail);
        return new FailureReason(ErrorCodes.FFmpegRuntime,
            $"FFmpeg failed with exit code {exitCode} ({purpose})" + (lastLine is null ? "." : $": {lastLine}"),
            RuntimeRemediation(exitCode, logPath),
            stderrTail, logPath);
    }

    /// <summary>No ffmpeg to run at all.</summary>
    public static FailureReason NotFound(string? configuredPath) =>
        new(ErrorCodes.FFmpegNotFound,
            string.IsNullOrWhiteSpace(configuredPath)
                ? "FFmpeg was not found on the PATH."
                : $"FFmpeg was not found at FFmpeg:Path '{configuredPath}'.",
            FFmpegLocator.InstallAdvice);

    /// <summary>An ffmpeg that exists but could not be started (not executable, wrong architecture, …).</summary>
    public static FailureReason NotStartable(string path, Exception error, string logPath) =>
        new(ErrorCodes.FFmpegNotFound,
            $"FFmpeg at '{path}' could not be started: {Shorten(error.Message)}",
            "Check that the file is an ffmpeg executable for this machine and that the service may execute it. " + FFmpegLocator.InstallAdvice,
            LogPath: logPath);

    private static string RuntimeRemediation(int exitCode, string logPath)
    {
        // .NET reports a process ended by a signal as 128 + the signal's number.
        var killed = exitCode is 137 ? " FFmpeg was killed (signal 9), often by the out-of-memory killer: try a lower resolution or fewer jobs at once." : "";
        return $"See the FFmpeg log at '{logPath}' for the full command and output.{killed} "
            + "If the inputs look right, run the logged command by hand to reproduce it, then retry the job.";
    }

    private static bool Mentions(string text, string what) => text.Contains(what, StringComparison.OrdinalIgnoreCase);

    private static string? LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() is { } line
            ? Shorten(line)
            : null;

    private static string Shorten(string text) => text.Length <= MaxMessageDetail ? text : text[..MaxMessageDetail] + "…";
}
