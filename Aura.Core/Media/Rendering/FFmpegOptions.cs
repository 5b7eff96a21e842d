using System.ComponentModel.DataAnnotations;
using Aura.Core.Kernel;

namespace Aura.Core.Media.Rendering;

/// <summary>The <c>FFmpeg</c> configuration section.</summary>
public sealed class FFmpegOptions
{
    public const string Section = "FFmpeg";

    /// <summary>The ffmpeg executable; when empty it is looked up on the PATH.</summary>
    public string? Path { get; set; }

    /// <summary>The ffprobe executable; when empty it is looked for beside ffmpeg, then on the PATH.</summary>
    public string? ProbePath { get; set; }

    /// <summary>
    /// How long a canceled FFmpeg gets to stop after the interrupt before it is killed. Shorter than
    /// <c>Jobs:CancelWait</c> (checked at start), so a cancel's answer reads Canceled.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan KillGracePeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// On Linux with setpriv (util-linux), FFmpeg is started so the kernel kills it when the service dies,
    /// even by SIGKILL. Off, an FFmpeg outlives a crashed service until the next start stops it (pid files).
    /// </summary>
    public bool DieWithService { get; set; } = true;

    /// <summary>How much of the end of FFmpeg's stderr is kept for a failure's <c>stderrSnippet</c>.</summary>
    [Range(256, 1024 * 1024)]
    public int StderrTailBytes { get; set; } = 4096;
}
