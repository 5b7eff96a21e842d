using System.Globalization;
using Aura.Core.Kernel;

namespace Aura.Core.Media.Rendering;

/// <summary>Pieces every argument builder shares.</summary>
internal static class ArgumentParts
{
    /// <summary>No banner, never read the keyboard (stdin is a pipe), overwrite outputs.</summary>
    public static readonly string[] Start = ["-hide_banner", "-nostdin", "-y"];

    /// <summary>Machine-readable progress on stdout, and no human progress line on stderr.</summary>
    public static readonly string[] Progress = ["-progress", "pipe:1", "-nostats"];

    /// <summary>Seconds with millisecond precision, whatever the current culture.</summary>
    public static string Seconds(TimeSpan duration) =>
        duration.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// An absolute path: what FFmpeg would resolve anyway, but it can never look like an option
    /// (<c>-x</c>) or a protocol (<c>http:</c>).
    /// </summary>
    public static string FilePath(string path, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path, parameterName);
        return Path.GetFullPath(path);
    }

    public static TimeSpan Positive(TimeSpan duration, string parameterName) =>
        duration > TimeSpan.Zero ? duration : throw new ArgumentOutOfRangeException(parameterName, duration, "A duration must be positive.");

    public static int InRange(int value, int min, int max, string parameterName) =>
        value >= min && value <= max ? value
            : throw new ArgumentOutOfRangeException(parameterName, value, $"Must be between {min} and {max}.");
}
