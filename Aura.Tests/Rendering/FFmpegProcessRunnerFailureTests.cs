using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Core.Media.Rendering;

namespace Aura.Tests.Rendering;

/// <summary>The runner with fake ffmpeg scripts, for the failures a real FFmpeg will not produce on demand.</summary>
public class FFmpegProcessRunnerFailureTests
{
    // A limit for what surely happens, however busy the machine: a wait on an event, not a measure of speed.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task No_space_left_on_device_is_E306_and_the_partial_output_is_removed()
    {
        using var folder = new TestFolder();
        var output = folder.File("video.mp4");
        var ffmpeg = folder.Script("ffmpeg", $"""
            echo partial > '{output}'
            echo "[mp4 @ 0x1] Error writing trailer of {output}: No space left on device" >&2
            exit 1
            """);

        var error = await Assert.ThrowsAsync<JobFailedException>(() => TestFolder.Runner(ffmpeg).RunAsync(
            new FFmpegRun(folder.Job().FFmpeg, "render", ["-y", output], null, [output]), null, CancellationToken.None));

        Assert.Equal(ErrorCodes.DiskFull, error.Reason.Code);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Any_other_failure_is_E304_with_the_stderr_snippet_and_the_log_path()
    {
        using var folder = new TestFolder();
        var job = folder.Job();
        var ffmpeg = folder.Script("ffmpeg", """
            echo "Input #0, png_pipe, from 'card.png':" >&2
            echo "card.png: Invalid data found when processing input" >&2
            exit 1
            """);

        var error = await Assert.ThrowsAsync<JobFailedException>(() => TestFolder.Runner(ffmpeg).RunAsync(
            new FFmpegRun(job.FFmpeg, "render", ["-i", "card.png"], null, []), null, CancellationToken.None));

        Assert.Equal(ErrorCodes.FFmpegRuntime, error.Reason.Code);
        Assert.Equal("Input #0, png_pipe, from 'card.png':\ncard.png: Invalid data found when processing input", error.Reason.StderrSnippet);
        Assert.Equal(job.FFmpegLogPath, error.Reason.LogPath);
        var log = await File.ReadAllTextAsync(job.FFmpegLogPath);
        Assert.Contains("[stderr] card.png: Invalid data found when processing input", log);
        Assert.Contains("Exit Code: 1", log);
    }

    [Fact]
    public async Task Cancel_interrupts_ffmpeg_first_then_kills_one_that_ignores_the_interrupt_and_cleans_up()
    {
        using var folder = new TestFolder();
        var job = folder.Job();
        var output = folder.File("video.mp4");
        // Notes each interrupt and goes on; only a kill ends it (its sleep would take 10 minutes).
        var ffmpeg = folder.Script("ffmpeg", $"""
            trap "echo INT >> '{folder.File("signals")}'" INT
            echo $$ > '{folder.File("ffmpeg.pid")}'
            sleep 600 &
            child=$!
            echo $child > '{folder.File("child.pid")}'
            echo partial > '{output}'
            echo "out_time_us=1000000"
            echo "progress=continue"
            while kill -0 $child 2>/dev/null; do wait $child; done
            """);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var cancel = new CancellationTokenSource();
        // The grace leaves the shell ample time to note the interrupt before the kill, however busy the machine.
        var run = TestFolder.Runner(ffmpeg, killGrace: TimeSpan.FromSeconds(5)).RunAsync(
            new FFmpegRun(job.FFmpeg, "render", [output], TimeSpan.FromSeconds(10), [output]),
            _ => { started.TrySetResult(); return Task.CompletedTask; }, cancel.Token);
        await started.Task.WaitAsync(Patience);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(Patience));

        Assert.True(File.Exists(folder.File("signals")), "FFmpeg was killed without being interrupted first");
        Assert.Contains("INT", await File.ReadAllLinesAsync(folder.File("signals")));
        Assert.False(File.Exists(output));
        Assert.False(IsRunning(ReadPid(folder.File("ffmpeg.pid"))));
        Assert.True(await HasEndedAsync(ReadPid(folder.File("child.pid"))));
        Assert.Contains("Exit Code: canceled", await File.ReadAllTextAsync(job.FFmpegLogPath));
    }

    [Fact]
    public async Task A_progress_callback_that_throws_stops_ffmpeg_and_its_error_comes_out()
    {
        using var folder = new TestFolder();
        var ffmpeg = folder.Script("ffmpeg", """
            echo "out_time_us=1000000"
            echo "progress=continue"
            exec sleep 600
            """);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TestFolder.Runner(ffmpeg).RunAsync(
                new FFmpegRun(folder.Job().FFmpeg, "render", [], TimeSpan.FromSeconds(10), []),
                _ => throw new InvalidOperationException("reporter broke"), CancellationToken.None)
            .WaitAsync(Patience));

        Assert.Equal("reporter broke", error.Message);
    }

    private static int ReadPid(string file) => int.Parse(File.ReadAllText(file).Trim());

    /// <summary>Alive means /proc has it in a state other than zombie (a zombie runs nothing; its parent's reaper collects it).</summary>
    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[stat.LastIndexOf(')') + 2];
            return state is not ('Z' or 'X');
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>A grandchild is killed with the tree, but its end is seen by the kernel a moment later.</summary>
    private static async Task<bool> HasEndedAsync(int pid)
    {
        using var patience = new CancellationTokenSource(Patience);
        while (IsRunning(pid))
        {
            if (patience.IsCancellationRequested)
                return false;
            await Task.Delay(20, CancellationToken.None);
        }
        return true;
    }
}
