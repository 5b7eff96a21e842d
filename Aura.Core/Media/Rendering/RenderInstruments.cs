using System.Diagnostics.Metrics;
using Aura.Core.Kernel;

namespace Aura.Core.Media.Rendering;

/// <summary>The FFmpeg runs' instruments (exported at <c>/metrics</c> with the jobs' own).</summary>
public static class RenderInstruments
{
    private static readonly Meter Meter = new(AuraMeters.Jobs);

    /// <summary>Video seconds rendered per wall-clock second of FFmpeg, for each successful FFmpeg run of known length.</summary>
    public static readonly Histogram<double> RenderSpeed = Meter.CreateHistogram<double>("render.speed",
        description: "Seconds of media produced per second of FFmpeg run time.");
}
