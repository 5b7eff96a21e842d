using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Core.Pipeline;
using Aura.Core.Pipeline.Scripts;
using Aura.Core.Pipeline.Speech;
using Aura.Core.Pipeline.Visuals;
using Aura.Core.Media.Rendering;
using Moq;

namespace Aura.Tests.Orchestration;

// What a real run does when things go wrong: no speech engine, a cancel, a restart half-way.
public sealed class VideoOrchestratorResilienceTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Without_espeak_the_narration_is_silent_a_warning_says_why_and_the_video_is_still_made()
    {
        using var pipeline = new PipelineHarness(new Dictionary<string, string?> { ["Tts:EspeakPath"] = "/nonexistent/espeak-ng" });
        var job = pipeline.Job();
        var progress = new ProgressRecorder();

        await pipeline.Orchestrator.RunAsync(job, progress, CancellationToken.None).WaitAsync(Limit);

        var warning = Assert.Single(progress.Warnings);
        Assert.StartsWith("espeak-ng was not found; narration", warning);
        var script = await ScriptFile.ReadAsync(Path.Combine(job.WorkFolder, "script.json"), CancellationToken.None);
        var scene = await pipeline.Get<IMediaProbe>().ProbeAsync(Path.Combine(job.WorkFolder, "voice", "scene-01.wav"), CancellationToken.None);
        Assert.Equal(script.Scenes[0].EstimatedDuration.TotalSeconds, scene.Duration.TotalSeconds, 0.01); // silence as long as the scene
        var video = await pipeline.Get<IMediaProbe>().ProbeAsync(Path.Combine(job.WorkFolder, "video.mp4"), CancellationToken.None);
        Assert.True(video.HasAudio);
    }

    [Fact]
    public async Task A_scene_narration_whose_WAV_header_cannot_be_read_at_Compose_fails_the_job_E307_naming_the_file()
    {
        // The narration is spoken and measured in Voice, then damaged before Compose measures it again (a disk
        // fault, say): Compose reads the scene's WAV header and must fail the job, not build a timeline without it.
        using var pipeline = new PipelineHarness()
            .Decorate<IVisualProvider, NarrationDamagingVisualProvider>(inner => new NarrationDamagingVisualProvider(inner));
        var job = pipeline.Job();

        var failed = await Assert.ThrowsAsync<JobFailedException>(
            () => pipeline.Orchestrator.RunAsync(job, new ProgressRecorder(), CancellationToken.None).WaitAsync(Limit));

        Assert.Equal(ErrorCodes.TtsFailed, failed.Reason.Code);
        Assert.Contains("scene-01.wav", failed.Reason.Message);
        Assert.False(File.Exists(Path.Combine(job.WorkFolder, "timeline.json")));
    }

    /// <summary>Draws as the real provider does, after overwriting the first scene's WAV header.</summary>
    private sealed class NarrationDamagingVisualProvider(IVisualProvider inner) : IVisualProvider
    {
        public async Task DrawAsync(ScriptScene scene, VideoScript script, RenderSpec spec, string pngPath, JobContext job, CancellationToken cancellationToken)
        {
            await using (var wav = File.OpenWrite(Path.Combine(job.WorkFolder, "voice", "scene-01.wav")))
                await wav.WriteAsync("JUNK"u8.ToArray(), cancellationToken);
            await inner.DrawAsync(scene, script, spec, pngPath, job, cancellationToken);
        }
    }

    [Fact]
    public async Task A_second_attempt_after_a_cancel_in_Render_goes_straight_to_Render_and_finishes()
    {
        using var pipeline = new PipelineHarness()
            .Decorate<IScriptProvider, CountingScriptProvider>(inner => new CountingScriptProvider(inner))
            .Decorate<ITtsProvider, CountingTtsProvider>(inner => new CountingTtsProvider(inner))
            .Decorate<IVisualProvider, CountingVisualProvider>(inner => new CountingVisualProvider(inner));
        using var cancel = new CancellationTokenSource();
        var stopped = new ProgressRecorder(said => { if (said is ProgressRecorder.Said.Entered { Stage: JobStage.Rendering }) cancel.Cancel(); }, cancel.Token);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pipeline.Orchestrator.RunAsync(pipeline.Job(attempt: 1), stopped, cancel.Token).WaitAsync(Limit));
        var (scripts, speeches, drawings) = (pipeline.Get<CountingScriptProvider>().Calls, pipeline.Get<CountingTtsProvider>().Speeches, pipeline.Get<CountingVisualProvider>().Drawings);
        var resumed = new ProgressRecorder();

        await pipeline.Orchestrator.RunAsync(pipeline.Job(attempt: 2), resumed, CancellationToken.None).WaitAsync(Limit);

        Assert.Equal((1, 2, 2), (scripts, speeches, drawings));
        Assert.Equal((1, 2, 2), (pipeline.Get<CountingScriptProvider>().Calls, pipeline.Get<CountingTtsProvider>().Speeches, pipeline.Get<CountingVisualProvider>().Drawings));
        Assert.Equal(JobPhases.WorkStages, resumed.StagesEntered);
        Assert.All(resumed.All.OfType<ProgressRecorder.Said.Entered>().SkipLast(1), e => Assert.EndsWith("(resumed)", e.Message, StringComparison.Ordinal));
        Assert.Equal(["script.json", "card-01.png", "card-02.png", "narration.wav", "video.srt", "video.vtt", "video.mp4"], resumed.Artifacts.Select(a => a.Name));
        Assert.True(File.Exists(Path.Combine(pipeline.Job().WorkFolder, "video.mp4")));
    }

    [Fact]
    public async Task A_cancel_while_FFmpeg_encodes_stops_it_and_leaves_no_video_behind()
    {
        // A long 720p encode (silent narration, so no long speech) that is surely still running when canceled.
        var silent = new Mock<ITtsProvider>();
        silent.Setup(t => t.CheckAsync(It.IsAny<CancellationToken>())).ReturnsAsync(new TtsAvailability(false, "none", "no speech in this test"));
        var longScript = new Mock<IScriptProvider>();
        longScript.Setup(s => s.WriteAsync(It.IsAny<JobRequest>(), It.IsAny<CancellationToken>())).ReturnsAsync(new VideoScript("Long",
            [new ScriptScene(0, "Long", "A long scene.", TimeSpan.FromSeconds(60)), new ScriptScene(1, "Longer", "Another.", TimeSpan.FromSeconds(60))]));
        using var pipeline = new PipelineHarness().With(silent.Object).With(longScript.Object);
        var job = pipeline.Job() with { Request = pipeline.Job().Request with { RenderSpec = new RenderSpec(new Resolution(1280, 720), Fps: 30) } };
        using var cancel = new CancellationTokenSource();
        var progress = new ProgressRecorder(said =>
        {
            if (said is ProgressRecorder.Said.Progress { Stage: JobStage.Rendering, Percent: > 0 })
                cancel.Cancel();
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pipeline.Orchestrator.RunAsync(job, progress, cancel.Token).WaitAsync(Limit));

        Assert.Contains(progress.ProgressOf(JobStage.Rendering), p => p.Percent is > 0 and < 100);
        Assert.False(File.Exists(Path.Combine(job.WorkFolder, "video.mp4")));
        Assert.False(File.Exists(Path.Combine(job.WorkFolder, "checkpoints", "rendering.json")));
        Assert.Empty(ProcessesMentioning(job.WorkFolder));
        Assert.Contains("Exit Code: canceled", await File.ReadAllTextAsync(job.FFmpegLogPath));
    }

    /// <summary>Live processes whose command line names <paramref name="text"/> (this test's own folder).</summary>
    private static List<int> ProcessesMentioning(string text) =>
        Directory.EnumerateDirectories("/proc")
            .Select(d => (Pid: int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0, Dir: d))
            .Where(p => p.Pid > 0 && p.Pid != Environment.ProcessId)
            .Where(p => ReadCommandLine(p.Dir).Contains(text, StringComparison.Ordinal))
            .Select(p => p.Pid)
            .ToList();

    private static string ReadCommandLine(string procDir)
    {
        try
        {
            return File.ReadAllText(Path.Combine(procDir, "cmdline")).Replace('\0', ' ');
        }
        catch (IOException)
        {
            return ""; // the process ended while we looked
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }
}
