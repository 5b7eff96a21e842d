using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Core.Media.Rendering;
using Microsoft.Extensions.Options;

namespace Aura.Tests.Rendering;

/// <summary>The runner with the real FFmpeg, rendering a tiny clip end to end.</summary>
public class FFmpegProcessRunnerTests
{
    private static readonly Resolution Tiny = new(160, 90);

    [Fact]
    public async Task Real_ffmpeg_renders_a_clip_with_video_audio_and_subtitles_and_logs_every_run()
    {
        using var folder = new TestFolder();
        var runner = TestFolder.Runner();
        var job = folder.Job("job-render", "corr-render");
        File.WriteAllText(folder.File("title.txt"), "Why the sky is blue");
        File.WriteAllText(folder.File("body.txt"), "Light scatters");
        File.WriteAllText(folder.File("subtitles.srt"), "1\n00:00:00,000 --> 00:00:01,500\nLight scatters\n\n");
        var card = new TitleCardInput(folder.File("title.txt"), folder.File("body.txt"), Tiny, folder.File("card.png"));
        await runner.RunAsync(new FFmpegRun(job.FFmpeg, "title card 1", TitleCardArguments.Build(card, new FontLocator().Find()), null, [card.OutputPng], Tiny), null, CancellationToken.None);
        await runner.RunAsync(new FFmpegRun(job.FFmpeg, "narration", AudioArguments.Silence(TimeSpan.FromSeconds(2), folder.File("narration.wav")), TimeSpan.FromSeconds(2), [folder.File("narration.wav")]), null, CancellationToken.None);
        var render = new RenderInput([(card.OutputPng, TimeSpan.FromSeconds(1)), (card.OutputPng, TimeSpan.FromSeconds(1))],
            folder.File("narration.wav"), folder.File("subtitles.srt"), Tiny, 15, 200, 64, folder.File("video.mp4"));
        var progress = new List<FFmpegProgress>();

        await runner.RunAsync(new FFmpegRun(job.FFmpeg, "render", RenderArguments.Build(render), render.TotalDuration, [render.OutputPath], Tiny),
            p => { progress.Add(p); return Task.CompletedTask; }, CancellationToken.None);

        var video = await new FfprobeMediaProbe(new FFmpegLocator(Options.Create(new FFmpegOptions()), TimeProvider.System)).ProbeAsync(render.OutputPath, CancellationToken.None);
        Assert.Equal(2.0, video.Duration.TotalSeconds, 0.1);
        Assert.Equal((160, 90), (video.Width, video.Height));
        Assert.True(video.HasVideo && video.HasAudio && video.HasSubtitles);

        Assert.Equal(100, progress[^1].Percent);
        Assert.All(progress[..^1], p => Assert.InRange(p.Percent, 0, 99));
        Assert.Equal(progress.Select(p => p.Percent).Order(), progress.Select(p => p.Percent));

        var log = await File.ReadAllTextAsync(job.FFmpegLogPath);
        Assert.Equal(3, log.Split("Job ID: job-render").Length - 1);
        Assert.Contains("Correlation ID: corr-render", log);
        Assert.Contains("Purpose: render", log);
        Assert.Contains("Resolution: 160x90", log);
        Assert.Contains("Resolution: n/a", log);
        Assert.Contains("FFmpeg Path: /usr/bin/ffmpeg", log);
        Assert.Contains("Command: /usr/bin/ffmpeg -hide_banner -nostdin -y -loop 1", log);
        Assert.Contains("[stderr] ", log);
        Assert.Equal(3, log.Split("Exit Code: 0").Length - 1);
    }

    [Fact]
    public async Task Canceling_a_real_encode_interrupts_ffmpeg_removes_the_partial_file_and_logs_canceled()
    {
        using var folder = new TestFolder();
        var job = folder.Job();
        var output = folder.File("video.mp4");
        // -re paces reading at real time, so this encode would take 30 s.
        string[] args = ["-hide_banner", "-nostdin", "-y", "-re", "-f", "lavfi", "-i", "testsrc=s=160x90:r=10", "-t", "30",
            "-c:v", "libx264", "-preset", "veryfast", "-progress", "pipe:1", "-nostats", output];
        var encoding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var cancel = new CancellationTokenSource();
        var run = TestFolder.Runner(killGrace: TimeSpan.FromSeconds(5)).RunAsync(
            new FFmpegRun(job.FFmpeg, "render", args, TimeSpan.FromSeconds(30), [output], Tiny),
            p => { if (p.OutTime > TimeSpan.Zero) encoding.TrySetResult(); return Task.CompletedTask; }, cancel.Token);
        await encoding.Task.WaitAsync(TimeSpan.FromSeconds(60));

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.False(File.Exists(output));
        var log = await File.ReadAllTextAsync(job.FFmpegLogPath);
        Assert.Contains("Exit Code: canceled", log);
        Assert.DoesNotContain("Exit Code: 0", log);
    }

    [Fact]
    public async Task A_canceled_token_before_the_start_runs_nothing()
    {
        using var folder = new TestFolder();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => TestFolder.Runner().RunAsync(
            new FFmpegRun(folder.Job().FFmpeg, "render", ["-version"], null, []), null, new CancellationToken(canceled: true)));

        Assert.False(File.Exists(folder.Job().FFmpegLogPath));
    }

    [Fact]
    public async Task A_missing_ffmpeg_is_E302()
    {
        using var folder = new TestFolder();

        var error = await Assert.ThrowsAsync<JobFailedException>(() => TestFolder.Runner(folder.File("ffmpeg")).RunAsync(
            new FFmpegRun(folder.Job().FFmpeg, "render", ["-version"], null, []), null, CancellationToken.None));

        Assert.Equal(ErrorCodes.FFmpegNotFound, error.Reason.Code);
        Assert.Contains("FFmpeg:Path", error.Reason.Remediation);
    }

    [Fact]
    public async Task An_ffmpeg_that_cannot_be_started_is_E302_and_logged()
    {
        using var folder = new TestFolder();
        var broken = folder.File("ffmpeg");
        File.WriteAllText(broken, "#!/no/such/interpreter\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(broken, UnixFileMode.UserRead | UnixFileMode.UserExecute);

        var error = await Assert.ThrowsAsync<JobFailedException>(() => TestFolder.Runner(broken).RunAsync(
            new FFmpegRun(folder.Job().FFmpeg, "render", ["-version"], null, []), null, CancellationToken.None));

        Assert.Equal(ErrorCodes.FFmpegNotFound, error.Reason.Code);
        Assert.Contains("Exit Code: not started", await File.ReadAllTextAsync(folder.Job().FFmpegLogPath));
    }
}
