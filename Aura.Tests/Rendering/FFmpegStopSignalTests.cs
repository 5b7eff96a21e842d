using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Core.Media.Rendering;
using Aura.Tests.Support;

namespace Aura.Tests.Rendering;

/// <summary>
/// An FFmpeg that exits on a signal: when the service stops (Ctrl+C reaches FFmpeg and the service
/// together, and FFmpeg may exit first) that is an interruption of the run, otherwise a failure.
/// </summary>
public sealed class FFmpegStopSignalTests
{
    private static string SignaledFFmpeg(TestFolder folder) => folder.Script("ffmpeg", $"""
        echo $$ > '{folder.File("pid")}'
        echo "Exiting normally, received signal 2." >&2
        exit 255
        """);

    [Fact]
    public async Task An_ffmpeg_that_exits_on_a_signal_before_the_run_learns_of_the_stop_is_an_interruption_not_E304()
    {
        using var folder = new TestFolder();
        using var stopping = new CancellationTokenSource();
        var output = folder.File("video.mp4");

        var run = TestFolder.Runner(SignaledFFmpeg(folder))
            .RunAsync(new FFmpegRun(folder.Job().FFmpeg, "render", [output], null, [output]), null, stopping.Token);
        // FFmpeg has exited on its signal; only now does the service's stop reach the run.
        await Eventually.TrueAsync(() => File.Exists(folder.File("pid")) && File.ReadAllText(folder.File("pid")) is var pid
            && pid.EndsWith('\n') && !ProcessTable.IsAlive(int.Parse(pid)), TimeSpan.FromSeconds(60));
        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Empty(Directory.EnumerateFiles(folder.Root, "video*"));
    }

    [Fact]
    public async Task An_ffmpeg_signaled_while_the_service_carries_on_still_fails_with_E304()
    {
        using var folder = new TestFolder();
        var output = folder.File("video.mp4");

        var error = await Assert.ThrowsAsync<JobFailedException>(() => TestFolder.Runner(SignaledFFmpeg(folder))
            .RunAsync(new FFmpegRun(folder.Job().FFmpeg, "render", [output], null, [output]), null, CancellationToken.None));

        Assert.Equal(ErrorCodes.FFmpegRuntime, error.Reason.Code);
        Assert.Contains("received signal 2", error.Reason.Message);
    }
}
