using Aura.Core.Kernel;

namespace Aura.Core.Media.Rendering;

/// <summary>What the final render is made of.</summary>
/// <param name="Scenes">Title-card PNGs in order, each shown for its scene's duration.</param>
/// <param name="NarrationWav">The whole narration, one WAV.</param>
/// <param name="SubtitlePath">An SRT file; it goes into the MP4 as a soft subtitle track (and stays beside it).</param>
public sealed record RenderInput(
    IReadOnlyList<(string CardPath, TimeSpan Duration)> Scenes,
    string NarrationWav,
    string SubtitlePath,
    Resolution Resolution,
    int Fps,
    int VideoBitrateK,
    int AudioBitrateK,
    string OutputPath)
{
    /// <summary>The video's length: the scenes' durations as they are passed to FFmpeg (whole milliseconds).</summary>
    public TimeSpan TotalDuration =>
        TimeSpan.FromMilliseconds(Scenes.Sum(scene => Math.Round(scene.Duration.TotalMilliseconds)));
}
