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
