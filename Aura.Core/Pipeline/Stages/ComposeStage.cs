using System.Globalization;
using Aura.Core.Kernel;
using Aura.Core.Media.Audio;
using Aura.Core.Pipeline.Subtitles;
using Aura.Core.Media.Rendering;
using Microsoft.Extensions.Options;

namespace Aura.Core.Pipeline.Stages;

/// <summary>
/// Compose: measures each scene's narration from its WAV header (as the voice stage does; an ffprobe per
/// scene was most of this stage's time and no part of the demo's own commands), lays the scenes end to end (narration
/// plus a pause each, padded up to the target duration) as <c>timeline.json</c>, joins the narration into <c>narration.wav</c> on the
/// same timeline, and writes the subtitles (<c>video.srt</c>, and <c>video.vtt</c> for browsers), each scene's cues while it is spoken.
/// </summary>
public sealed class ComposeStage(IOptions<PipelineOptions> options) : IPipelineStage
{
    public JobStage Stage => JobStage.Compose;

    public string Title => "Composing the timeline";

    public async Task RunAsync(PipelineRun run, CancellationToken cancellationToken)
    {
        var script = await run.GetScriptAsync(cancellationToken);
        var layout = run.Layout;
        var pause = options.Value.ScenePause;
        var scenes = script.Scenes;

        var measured = new List<(int, string, TimeSpan)>(scenes.Count);
        for (var i = 0; i < scenes.Count; i++)
        {
            var duration = Measure(layout.SceneWav(i));
            measured.Add((i, scenes[i].Title, duration));
            var said = string.Create(CultureInfo.InvariantCulture, $"Measured scene {i + 1} of {scenes.Count}: {duration.TotalSeconds:0.0} s");
            await run.Progress.ReportAsync(60.0 * (i + 1) / scenes.Count, said);
        }
        var timeline = Timeline.Build(measured, pause, run.Job.Request.PlanSpec.TargetDuration);

        await JoinNarrationAsync(run, timeline, cancellationToken);
        await run.AnnounceArtifactAsync(layout.Narration, "audio/wav");
        await run.Progress.ReportAsync(80, "Joined the narration");

        var spoken = timeline.Scenes.Select(s => new SubtitleScene(scenes[s.Index].Narration, s.Start, s.Narration));
        var cues = await SubtitleWriter.WriteAsync(layout.Subtitles, spoken, cancellationToken);
        await run.AnnounceArtifactAsync(layout.Subtitles, "application/x-subrip");
        await VttWriter.WriteAsync(layout.WebSubtitles, cues, cancellationToken);
        await run.AnnounceArtifactAsync(layout.WebSubtitles, "text/vtt");

        await timeline.WriteAsync(layout.Timeline, cancellationToken);
        run.RecordFile(layout.Timeline);
        run.UseTimeline(timeline);
        await run.Progress.ReportAsync(95, string.Create(CultureInfo.InvariantCulture, $"Timeline of {timeline.Duration.TotalSeconds:0.0} s written"));
    }

    private static TimeSpan Measure(string sceneWav)
    {
        try
        {
            return WavFile.ReadDuration(sceneWav);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            throw new JobFailedException(new FailureReason(ErrorCodes.TtsFailed,
                $"The narration of {Path.GetFileName(sceneWav)} could not be read: {ex.Message}", "Check the voice settings and try again."), ex);
        }
    }

    /// <summary>
    /// The scene WAVs, each followed by the silence that fills the rest of its scene on the timeline (the
    /// pause, and any padding up to the target), so the narration is exactly as long as the timeline.
    /// </summary>
    private static async Task JoinNarrationAsync(PipelineRun run, Timeline timeline, CancellationToken cancellationToken)
    {
        var layout = run.Layout;
        var clips = new List<string>();
        var holds = new List<string>();
        try
        {
            var format = WavFile.ReadInfo(layout.SceneWav(timeline.Scenes[0].Index)).Format;
            foreach (var scene in timeline.Scenes)
            {
                var hold = Path.Combine(layout.VoiceFolder, string.Create(CultureInfo.InvariantCulture, $"hold-{scene.Index + 1:00}.wav"));
                await WavFile.WriteSilenceAsync(hold, scene.Duration - scene.Narration, format, cancellationToken);
                holds.Add(hold);
                clips.AddRange([layout.SceneWav(scene.Index), hold]);
            }
            await WavFile.ConcatenateAsync(clips, layout.Narration, TimeSpan.Zero, cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            throw new JobFailedException(new FailureReason(ErrorCodes.TtsFailed,
                $"The narration could not be joined: {ex.Message}", "Check the voice settings and try again."), ex);
        }
        finally
        {
            holds.ForEach(File.Delete);
        }
    }
}
