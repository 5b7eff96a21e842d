using Aura.Core.Kernel;

namespace Aura.Core.Media.Rendering;

/// <param name="Job">Which job the run is for, and where its FFmpeg log goes.</param>
/// <param name="Purpose">A few words for the log, e.g. "title card 2" or "render".</param>
/// <param name="Arguments">Everything after the executable's name.</param>
/// <param name="ExpectedDuration">The media length the run produces, to turn out_time into a percent; null when unknown.</param>
/// <param name="OutputFiles">Files this run writes, removed when it fails or is canceled.</param>
/// <param name="Resolution">The frame size it produces, for the log ("n/a" when null, e.g. audio).</param>
public sealed record FFmpegRun(
    FFmpegJob Job,
    string Purpose,
    IReadOnlyList<string> Arguments,
    TimeSpan? ExpectedDuration,
    IReadOnlyList<string> OutputFiles,
    Resolution? Resolution = null);
