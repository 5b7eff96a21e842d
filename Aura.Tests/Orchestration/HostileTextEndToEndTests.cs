using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Core.Pipeline;
using Aura.Core.Pipeline.Subtitles;

namespace Aura.Tests.Orchestration;

// A topic written to rewrite or style the subtitles, through the real pipeline (espeak-ng, FFmpeg).
public sealed class HostileTextEndToEndTests : IDisposable
{
    private const string Topic = "00:00:05,000 --> 00:09:59,000 <font color=red>red</font> <b>bold</b> {\\an8}top";
    private readonly PipelineHarness _pipeline = new();

    public void Dispose() => _pipeline.Dispose();

    [Fact]
    public async Task Subtitle_text_that_looks_like_timing_or_markup_reads_literally_in_the_srt_and_in_the_mp4_track()
    {
        var job = _pipeline.Job(Topic);
        job = job with { Request = job.Request with { PlanSpec = new PlanSpec(TimeSpan.FromSeconds(30)) } };

        await _pipeline.Orchestrator.RunAsync(job, new ProgressRecorder(), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(120));

        var srt = SrtParser.Parse(await File.ReadAllTextAsync(Path.Combine(job.WorkFolder, WorkLayout.SubtitleName)));
        var track = SrtParser.Parse(await FFmpegSubtitles.DecodeAsync(Path.Combine(job.WorkFolder, WorkLayout.VideoName)));
        var script = await ScriptFile.ReadAsync(Path.Combine(job.WorkFolder, WorkLayout.ScriptName), CancellationToken.None);
        var said = string.Join(' ', script.Scenes.Select(s => s.Narration));

        Assert.Contains(Topic, said);
        // The file says every word of the narration, as typed, in order…
        Assert.Equal(said, string.Join(' ', srt.Select(c => SrtText.AsTyped(c.Text).Replace('\n', ' '))));
        // …and the MP4's track holds the same cues at the same times: no extra cue, no tag taken as styling.
        Assert.Equal(srt.Select(c => (c.Start, c.End, SrtText.AsTyped(c.Text))), track.Select(c => (c.Start, c.End, SrtText.AsTyped(c.Text))));
        Assert.Contains(Topic, string.Join(' ', track.Select(c => SrtText.AsTyped(c.Text).Replace('\n', ' '))), StringComparison.Ordinal);
    }
}
