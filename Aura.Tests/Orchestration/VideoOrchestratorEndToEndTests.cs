using System.Text.RegularExpressions;
using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Core.Pipeline;
using Aura.Core.Pipeline.Subtitles;
using Aura.Core.Media.Rendering;

namespace Aura.Tests.Orchestration;

// The whole pipeline for real: espeak-ng speaks, FFmpeg draws and encodes, ffprobe measures.
public sealed partial class VideoOrchestratorEndToEndTests : IDisposable
{
    private static readonly TimeSpan Millisecond = TimeSpan.FromMilliseconds(1); // SRT's precision
    private readonly PipelineHarness _pipeline = new();

    public void Dispose() => _pipeline.Dispose();

    [Fact]
    public async Task A_run_makes_a_playable_video_that_matches_its_timeline_and_reports_every_step()
    {
        var job = _pipeline.Job(correlationId: "corr-e2e-42");
        var progress = new ProgressRecorder();

        await _pipeline.Orchestrator.RunAsync(job, progress, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(JobPhases.WorkStages, progress.StagesEntered);
        var timeline = await Timeline.ReadAsync(Path.Combine(job.WorkFolder, "timeline.json"), CancellationToken.None);
        var video = await _pipeline.Get<IMediaProbe>().ProbeAsync(Path.Combine(job.WorkFolder, "video.mp4"), CancellationToken.None);
        Assert.True(video is { HasVideo: true, HasAudio: true, HasSubtitles: true, Width: 320, Height: 180 }, video.ToString());
        Assert.InRange((video.Duration - timeline.Duration).Duration(), TimeSpan.Zero, TimeSpan.FromSeconds(0.25));
        Assert.All(timeline.Scenes, s => Assert.True(s.Duration - s.Narration >= new PipelineOptions().ScenePause, s.ToString()));
        Assert.InRange(timeline.Duration.TotalSeconds, 5 * 0.85, 5 * 1.15);
        Assert.Equal(["script.json", "card-01.png", "card-02.png", "narration.wav", "video.srt", "video.vtt", "video.mp4"],
            progress.Artifacts.Select(a => a.Name));
        Assert.All(progress.Artifacts, a => Assert.True(a.SizeBytes > 0 && a.SizeBytes == new FileInfo(a.Path).Length, a.Name));
        Assert.Contains(progress.ProgressOf(JobStage.Rendering), p => EncodingMessage().IsMatch(p.Message));
        AssertSubtitlesCoverTheNarration(Path.Combine(job.WorkFolder, "video.srt"), timeline);
        var log = await File.ReadAllTextAsync(job.FFmpegLogPath);
        Assert.Contains("Correlation ID: corr-e2e-42", log);
        Assert.Contains("[stderr] ", log);
        Assert.Contains("Exit Code: 0", log);
    }

    [Fact]
    public async Task A_topic_full_of_filter_syntax_quotes_newlines_arabic_and_emoji_renders()
    {
        // The emoji lead, so they are on the card's two title lines (the rest of the title ends in an ellipsis).
        const string topic = "🎬✨ It's \"quoted\": C:\\path\\ 100% %{pts} [in] a;b\nسماء زرقاء";
        var job = _pipeline.Job(topic);
        var progress = new ProgressRecorder();

        await _pipeline.Orchestrator.RunAsync(job, progress, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(File.Exists(Path.Combine(job.WorkFolder, "video.mp4")));
        Assert.Equal(2, progress.Artifacts.Count(a => a.Type == "image/png" && a.SizeBytes > 0));
        var titleFile = await File.ReadAllTextAsync(Path.Combine(job.WorkFolder, "text", "card-01-title.txt"));
        Assert.Contains("%{pts}", titleFile); // written as is: drawtext reads it without expansion
        Assert.Contains("🎬", titleFile);
        var commands = (await File.ReadAllLinesAsync(job.FFmpegLogPath)).Where(l => l.StartsWith("Command: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, commands.Count); // two cards and the render
        Assert.All(commands, c => Assert.DoesNotContain("%{pts}", c));
        Assert.All(commands, c => Assert.DoesNotContain("quoted", c));
    }

    /// <summary>Every scene's cues lie inside the time its narration is spoken, from its start to its end.</summary>
    private static void AssertSubtitlesCoverTheNarration(string srtPath, Timeline timeline)
    {
        var cues = SrtParser.Parse(File.ReadAllText(srtPath));
        Assert.NotEmpty(cues);
        foreach (var scene in timeline.Scenes)
        {
            var spokenEnd = scene.Start + scene.Narration;
            var during = cues.Where(c => c.Start >= scene.Start - Millisecond && c.End <= spokenEnd + Millisecond).ToList();
            Assert.NotEmpty(during);
            Assert.Equal(scene.Start.TotalMilliseconds, during[0].Start.TotalMilliseconds, 1.0);
            Assert.Equal(spokenEnd.TotalMilliseconds, during[^1].End.TotalMilliseconds, 1.0);
        }
        // …and no cue falls outside every scene's narration (in a pause, or after the end).
        Assert.Equal(cues.Count, timeline.Scenes.Sum(s => cues.Count(c => c.Start >= s.Start - Millisecond && c.End <= s.Start + s.Narration + Millisecond)));
    }

    [GeneratedRegex(@"^Encoding \d\d:\d\d:\d\d of \d\d:\d\d:\d\d$")]
    private static partial Regex EncodingMessage();
}
