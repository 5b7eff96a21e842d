using System.Globalization;
using Aura.Core.Kernel;
using Aura.Core.Media.Rendering;

namespace Aura.Core.Pipeline.Stages;

/// <summary>
/// Render: the cards, each shown for its scene's time on the timeline, with the narration and the
/// subtitles, encoded into <c>video.mp4</c> at the requested size, rate and bitrates. A canceled or
/// failed encode leaves no <c>video.mp4</c> (the FFmpeg runner removes it).
/// </summary>
public sealed class RenderStage(IFFmpegRunner ffmpeg) : IPipelineStage
{
    public JobStage Stage => JobStage.Rendering;

    public string Title => "Rendering the video";

    public async Task RunAsync(PipelineRun run, CancellationToken cancellationToken)
    {
        var timeline = await run.GetTimelineAsync(cancellationToken);
        var spec = run.Job.Request.RenderSpec;
        var layout = run.Layout;
        var input = new RenderInput(
            timeline.Scenes.Select(s => (layout.Card(s.Index), s.Duration)).ToList(),
            layout.Narration, layout.Subtitles, spec.Res, spec.Fps, spec.VideoBitrateK, spec.AudioBitrateK, layout.Video);
        var total = input.TotalDuration;
        var encode = new FFmpegRun(run.Job.FFmpeg, "render", RenderArguments.Build(input), total, [layout.Video], spec.Res);

        await run.Progress.ReportAsync(0, $"Encoding 00:00:00 of {Clock(total)}");
        await ffmpeg.RunAsync(encode,
            p => run.Progress.ReportAsync(p.Percent, $"Encoding {Clock(p.OutTime)} of {Clock(total)}", p.EtaSeconds),
            cancellationToken);
        await run.AnnounceArtifactAsync(layout.Video, "video/mp4", total);
    }

    private static string Clock(TimeSpan time) =>
        TimeSpan.FromSeconds(Math.Floor(time.TotalSeconds)).ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);
}
