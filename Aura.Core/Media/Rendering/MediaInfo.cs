namespace Aura.Core.Media.Rendering;

/// <param name="Duration">The container's duration; <see cref="TimeSpan.Zero"/> when it has none (a still image).</param>
/// <param name="Width">The first video stream's width, or null without video.</param>
/// <param name="Height">The first video stream's height, or null without video.</param>
public sealed record MediaInfo(
    TimeSpan Duration,
    int? Width,
    int? Height,
    bool HasVideo,
    bool HasAudio,
    bool HasSubtitles);
