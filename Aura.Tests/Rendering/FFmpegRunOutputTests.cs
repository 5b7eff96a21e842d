using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Core.Media.Processes;
using Aura.Core.Media.Rendering;
using Aura.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aura.Tests.Rendering;

/// <summary>
/// What one FFmpeg run leaves on disk: its own temporary file while it runs (moved into place only on
/// success), a pid file while it runs, and nothing when it fails.
/// </summary>
public sealed class FFmpegRunOutputTests
{
    /// <summary>A fake ffmpeg that notes its pid and its output argument (the last), waits for a pid file in <paramref name="runFolder"/> to name it, writes the output and exits with <paramref name="exitCode"/>.</summary>
    private static string FakeFFmpeg(TestFolder folder, string runFolder, int exitCode) => folder.Script("ffmpeg", $$"""
        for last in "$@"; do :; done
        echo $$ > '{{folder.File("pid")}}'
        echo "$last" > '{{folder.File("output-argument")}}'
        for i in $(seq 1 600); do grep -qs "\"pid\": $$," '{{runFolder}}'/*.json && break; sleep 0.1; done
        grep -ls "\"pid\": $$," '{{runFolder}}'/*.json > '{{folder.File("pid-files")}}'
        echo "a video" > "$last"
        exit {{exitCode}}
        """);

    private static ChildProcessRegistry Registry(string runFolder) => new(runFolder, NullLogger<ChildProcessRegistry>.Instance);

    [Fact]
    public async Task A_run_writes_its_own_temporary_file_and_moves_it_over_the_output_only_when_ffmpeg_succeeded()
    {
        using var folder = new TestFolder();
        var runFolder = folder.File("run");
        var output = folder.File("video.mp4");
        File.WriteAllText(folder.File("video.0123456789ab.partial.mp4"), "left by a killed run");

        await TestFolder.Runner(FakeFFmpeg(folder, runFolder, 0), children: Registry(runFolder))
            .RunAsync(new FFmpegRun(folder.Job().FFmpeg, "render", ["-y", output], null, [output]), null, CancellationToken.None);

        var written = File.ReadAllText(folder.File("output-argument")).Trim();
        Assert.Equal(folder.Root, Path.GetDirectoryName(written));
        Assert.Matches(@"^video\.[0-9a-f]{12}\.partial\.mp4$", Path.GetFileName(written));
        Assert.Equal("a video", File.ReadAllText(output).Trim());
        Assert.Empty(Directory.EnumerateFiles(folder.Root, "*.partial.*"));
        Assert.Single(File.ReadAllLines(folder.File("pid-files"))); // its pid was recorded while it ran
        Assert.Empty(Directory.EnumerateFiles(runFolder));
    }

    [Fact]
    public async Task A_failed_run_leaves_neither_its_temporary_file_nor_the_output_nor_its_pid_file()
    {
        using var folder = new TestFolder();
        var runFolder = folder.File("run");
        var output = folder.File("card-01.png");

        await Assert.ThrowsAsync<JobFailedException>(() => TestFolder.Runner(FakeFFmpeg(folder, runFolder, 1), children: Registry(runFolder))
            .RunAsync(new FFmpegRun(folder.Job().FFmpeg, "title card 1", ["-y", output], null, [output]), null, CancellationToken.None));

        Assert.False(File.Exists(output));
        Assert.Empty(Directory.EnumerateFiles(folder.Root, "*.partial.*"));
        Assert.Empty(Directory.EnumerateFiles(runFolder));
    }

    [Fact]
    public async Task An_output_that_is_not_among_the_arguments_is_refused_before_anything_runs()
    {
        using var folder = new TestFolder();

        await Assert.ThrowsAsync<InvalidOperationException>(() => TestFolder.Runner(FakeFFmpeg(folder, folder.File("run"), 0))
            .RunAsync(new FFmpegRun(folder.Job().FFmpeg, "render", ["-y", "elsewhere.mp4"], null, [folder.File("video.mp4")]), null, CancellationToken.None));

        Assert.False(File.Exists(folder.File("pid")));
    }
}
