using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Core.Media.Audio;
using Aura.Core.Pipeline.Scripts;
using Aura.Core.Pipeline.Speech;
using Aura.Core.Pipeline.Subtitles;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Aura.Tests.Providers;

/// <summary>The pieces together, as the voice stage uses them: script, real speech per scene, one narration WAV, subtitles.</summary>
public sealed class NarrationAssemblyTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_spoken_script_joins_into_one_narration_whose_subtitles_follow_each_scene()
    {
        var request = JobRequest.ForTopic("-- Why the sky is blue %{pts}") with { PlanSpec = new PlanSpec(TimeSpan.FromSeconds(8), "Fast") };
        var script = await new TemplateScriptProvider().WriteAsync(request, CancellationToken.None);
        var tts = new EspeakTtsProvider(Options.Create(new TtsOptions()), NullLogger<EspeakTtsProvider>.Instance);
        var clips = new List<string>();
        foreach (var scene in script.Scenes)
        {
            clips.Add(_temp.File($"scene-{scene.Index}.wav"));
            await tts.SpeakAsync(scene.Narration, request.VoiceSpec, clips[^1], CancellationToken.None);
        }
        var gap = TimeSpan.FromMilliseconds(400);

        var narration = await WavFile.ConcatenateAsync(clips, _temp.File("narration.wav"), gap, CancellationToken.None);
        var timeline = script.Scenes.Zip(narration.Clips, (scene, clip) => new SubtitleScene(scene.Narration, clip.Start, clip.Duration));
        await SubtitleWriter.WriteAsync(_temp.File(Aura.Api.Contracts.JobOutput.SubtitleName), timeline, CancellationToken.None);

        var clipLengths = clips.Select(WavFile.ReadDuration).ToList();
        Assert.All(clipLengths, length => Assert.True(length > TimeSpan.FromSeconds(0.3)));
        Assert.Equal(clips.Sum(c => WavFile.ReadInfo(c).FrameCount) + FramesOf(gap),
            WavFile.ReadInfo(_temp.File("narration.wav")).FrameCount);
        var cues = SrtParser.Parse(await File.ReadAllTextAsync(_temp.File(Aura.Api.Contracts.JobOutput.SubtitleName)));
        Assert.Equal(script.Scenes.SelectMany(s => NarrationText.SplitWords(s.Narration)), cues.SelectMany(c => NarrationText.SplitWords(c.Text)));
        Assert.True(cues[^1].End <= narration.Info.Duration);
        Assert.Contains(cues, c => c.Start >= clipLengths[0] + gap - TimeSpan.FromMilliseconds(1));
    }

    private static long FramesOf(TimeSpan gap) => (long)Math.Round(gap.TotalSeconds * WavFormat.Espeak.SampleRate);
}
