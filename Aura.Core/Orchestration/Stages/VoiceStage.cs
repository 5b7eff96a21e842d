using Aura.Core.Jobs;
using Aura.Core.Providers;
using Aura.Core.Providers.Audio;

namespace Aura.Core.Orchestration.Stages;

/// <summary>
/// Voice: one WAV per scene (<c>voice/scene-01.wav</c> …). When the speech engine is missing the
/// video is still made: each scene gets silence of its estimated length and the job shows a warning.
/// </summary>
public sealed class VoiceStage(ITtsProvider tts) : IPipelineStage
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

        var scenes = script.Scenes;
        for (var i = 0; i < scenes.Count; i++)
        {
            var wav = run.Layout.SceneWav(i);
            var speaks = availability.IsAvailable && !string.IsNullOrWhiteSpace(scenes[i].Narration);
            if (speaks)
            {
                await tts.SpeakAsync(scenes[i].Narration, run.Job.Request.VoiceSpec, wav, cancellationToken);
            }
            else
            {
                // In espeak-ng's format, so silent and spoken scenes can be joined sample for sample.
                await WavFile.WriteSilenceAsync(wav, Max(scenes[i].EstimatedDuration, ShortestSilence), WavFormat.Espeak, cancellationToken);
            }
            run.RecordFile(wav);
            var verb = speaks ? "Spoke" : "Wrote silence for";
            await run.Progress.ReportAsync(100.0 * (i + 1) / scenes.Count, $"{verb} scene {i + 1} of {scenes.Count}");
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>The provider's own words (they say what to install); a generic line when it gave none.</summary>
    private static string SilentWarning(TtsAvailability availability) =>
        availability.Problem ?? $"{availability.Name} is not available; narration is silent.";
}
