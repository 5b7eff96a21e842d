using Aura.Core.Kernel;

namespace Aura.Core.Media.Rendering;

/// <summary>Reads what a media file holds.</summary>
public interface IMediaProbe
{
    /// <summary>
    /// Probes <paramref name="path"/>. Throws <see cref="Jobs.JobFailedException"/>: E302 when ffprobe
    /// is missing, E304 when it cannot read the file.
    /// </summary>
    Task<MediaInfo> ProbeAsync(string path, CancellationToken cancellationToken);
}

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
