using Aura.Core.Kernel;
using Aura.Core.Pipeline.Scripts;
using Aura.Core.Pipeline.Speech;
using Aura.Core.Media.Audio;
using Microsoft.Extensions.Options;

namespace Aura.Core.Pipeline.Stages;

/// <summary>
/// Voice: one WAV per scene (<c>voice/scene-01.wav</c> …). When the speech engine is missing the
/// video is still made: each scene gets silence of its estimated length and the job shows a warning.
/// Each WAV is measured: while the narration would make the video too long for its target
/// (<see cref="NarrationFit"/>), the script is written again for a shorter time, kept as
/// <c>script.json</c> in place of the first, and spoken again; when even the shortest is too long,
/// the job shows a warning and the video is made anyway.
/// </summary>
public sealed class VoiceStage(ITtsProvider tts, IScriptProvider scripts, IOptions<PipelineOptions> options) : IPipelineStage
{
    /// <summary>A scene without an estimate still shows its card for a moment.</summary>
    public static readonly TimeSpan ShortestSilence = TimeSpan.FromSeconds(1);

    public JobStage Stage => JobStage.Voice;

    public string Title => "Recording the narration";

    public async Task RunAsync(PipelineRun run, CancellationToken cancellationToken)
    {
        var script = await run.GetScriptAsync(cancellationToken);
        Directory.CreateDirectory(run.Layout.VoiceFolder);
        var availability = await tts.CheckAsync(cancellationToken);
        if (!availability.IsAvailable)
            await run.Progress.WarnAsync(SilentWarning(availability));

        var request = run.Job.Request;
        var target = request.PlanSpec.TargetDuration;
        var pause = options.Value.ScenePause;
        var length = NarrationFit.Length(await SpeakAsync(run, script, availability.IsAvailable, cancellationToken), pause);
        var plan = target;
        for (var replan = 0; replan < NarrationFit.MaxReplans && NarrationFit.IsTooLong(length, target); replan++)
        {
            plan = NarrationFit.ShorterPlan(plan, length, target, script.Scenes.Count, pause);
            var shorter = await scripts.WriteAsync(request with { PlanSpec = request.PlanSpec with { TargetDuration = plan } }, cancellationToken);
            if (shorter.Scenes.Count == 0 || SaysTheSame(shorter, script))
                break;
            script = shorter;
            await ScriptFile.WriteAsync(run.Layout.Script, script, cancellationToken);
            run.UseScript(script);
            await run.AnnounceArtifactAsync(run.Layout.Script, "application/json");
            length = NarrationFit.Length(await SpeakAsync(run, script, availability.IsAvailable, cancellationToken), pause);
        }
        if (NarrationFit.BreaksTolerance(length, target))
            await run.Progress.WarnAsync(NarrationFit.TooLongWarning(length, target));
    }

    /// <summary>Speaks (or writes silence for) every scene of <paramref name="script"/>; returns how long each WAV lasts.</summary>
    private async Task<IReadOnlyList<TimeSpan>> SpeakAsync(PipelineRun run, VideoScript script, bool canSpeak, CancellationToken cancellationToken)
    {
        var scenes = script.Scenes;
        var durations = new List<TimeSpan>(scenes.Count);
        for (var i = 0; i < scenes.Count; i++)
        {
            var wav = run.Layout.SceneWav(i);
            var speaks = canSpeak && !string.IsNullOrWhiteSpace(scenes[i].Narration);
            if (speaks)
            {
                await tts.SpeakAsync(scenes[i].Narration, run.Job.Request.VoiceSpec, wav, cancellationToken);
            }
            else
            {
                // In espeak-ng's format, so silent and spoken scenes can be joined sample for sample.
                await WavFile.WriteSilenceAsync(wav, Max(scenes[i].EstimatedDuration, ShortestSilence), WavFormat.Espeak, cancellationToken);
            }
            if (!run.StageFiles.Contains(Path.GetFullPath(wav)))
                run.RecordFile(wav);
            durations.Add(WavFile.ReadDuration(wav));
            var verb = speaks ? "Spoke" : "Wrote silence for";
            await run.Progress.ReportAsync(100.0 * (i + 1) / scenes.Count, $"{verb} scene {i + 1} of {scenes.Count}");
        }
        return durations;
    }

    private static bool SaysTheSame(VideoScript a, VideoScript b) =>
        a.Scenes.Select(s => s.Narration).SequenceEqual(b.Scenes.Select(s => s.Narration));

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>The provider's own words (they say what to install); a generic line when it gave none.</summary>
    private static string SilentWarning(TtsAvailability availability) =>
        availability.Problem ?? $"{availability.Name} is not available; narration is silent.";
}
