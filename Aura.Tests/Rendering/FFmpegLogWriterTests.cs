using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Core.Media.Rendering;
using Microsoft.Extensions.Time.Testing;

namespace Aura.Tests.Rendering;

public class FFmpegLogWriterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 16, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_run_is_one_block_with_the_header_the_stderr_lines_and_the_exit_code()
    {
        using var folder = new TestFolder();
        var writer = new FFmpegLogWriter(_time);
        var run = new FFmpegRun(folder.Job("job-7", "corr-7").FFmpeg, "render", ["-i", "/w/a b.png", "/w/out.mp4"], null, [], new Resolution(1280, 720));
        var block = writer.Begin(run, "/usr/bin/ffmpeg");
        block.AddStderr("Input #0, png_pipe");
        block.AddStderr("Output #0, mp4");
        _time.Advance(TimeSpan.FromSeconds(3.5));

        await writer.WriteAsync(block, "0", CancellationToken.None);

        var expected = """
            Job ID: job-7
            Correlation ID: corr-7
            Started: 2026-11-23T16:00:00.000Z
            Purpose: render
            Resolution: 1280x720
            FFmpeg Path: /usr/bin/ffmpeg
            Command: /usr/bin/ffmpeg -i '/w/a b.png' /w/out.mp4
            ----------------------------------------
            [stderr] Input #0, png_pipe
            [stderr] Output #0, mp4
            ----------------------------------------
            Completed: 2026-11-23T16:00:03.500Z
            Exit Code: 0


            """.ReplaceLineEndings(Environment.NewLine);
        Assert.Equal(expected, await File.ReadAllTextAsync(run.Job.FFmpegLogPath));
    }

    [Fact]
    public async Task A_run_without_a_frame_size_says_n_a_and_a_canceled_run_says_canceled()
    {
        using var folder = new TestFolder();
        var writer = new FFmpegLogWriter(_time);
        var block = writer.Begin(new FFmpegRun(folder.Job().FFmpeg, "narration", [], null, []), "/usr/bin/ffmpeg");

        await writer.WriteAsync(block, FFmpegLogWriter.CanceledExitCode, CancellationToken.None);

        var log = await File.ReadAllTextAsync(block.LogPath);
        Assert.Contains("Resolution: n/a", log);
        Assert.Contains("Exit Code: canceled", log);
    }

    [Fact]
    public async Task Runs_written_at_once_are_never_interleaved_and_runs_of_other_jobs_go_to_their_own_logs()
    {
        using var folder = new TestFolder();
        var writer = new FFmpegLogWriter(TimeProvider.System);
        var runs = Enumerable.Range(0, 12).Select(i => new FFmpegRun(folder.Job($"job-{i % 3}").FFmpeg, $"run-{i}", [], null, [])).ToList();

        await Task.WhenAll(runs.Select(run => Task.Run(async () =>
        {
            var block = writer.Begin(run, "/usr/bin/ffmpeg");
            for (var line = 0; line < 200; line++)
                block.AddStderr($"{run.Purpose} line {line}");
            await writer.WriteAsync(block, "0", CancellationToken.None);
        })));

        for (var job = 0; job < 3; job++)
        {
            var blocks = (await File.ReadAllTextAsync(folder.Job($"job-{job}").FFmpegLogPath))
                .Split("Job ID: ", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(4, blocks.Length);
            foreach (var block in blocks)
            {
                var purpose = block.Split('\n').Single(l => l.StartsWith("Purpose: "))["Purpose: ".Length..].Trim();
                var stderr = block.Split('\n').Where(l => l.StartsWith("[stderr] ")).ToList();
                Assert.Equal(200, stderr.Count);
                Assert.All(stderr, line => Assert.StartsWith($"[stderr] {purpose} line", line));
                Assert.StartsWith($"job-{job}", block);
            }
        }
    }

    [Fact]
    public void Stderr_beyond_the_block_s_bound_drops_the_oldest_lines_and_says_so()
    {
        using var folder = new TestFolder();
        var block = new FFmpegLogBlock(new FFmpegRun(folder.Job().FFmpeg, "render", [], null, []), "/usr/bin/ffmpeg", _time.GetUtcNow(), maxStderrBytes: 30);
        foreach (var line in new[] { "first line", "second line", "third line" })
            block.AddStderr(line);

        var text = block.Render(_time.GetUtcNow(), "1");

        Assert.Contains("[stderr] … 1 earlier lines omitted", text);
        Assert.DoesNotContain("first line", text);
        Assert.Contains("[stderr] third line", text);
    }
}
