using System.Net;
using Aura.Tests.Support;

namespace Aura.Tests.Api;

/// <summary>
/// A cancel of a job whose FFmpeg ignores the interrupt: the kill that follows the grace period comes
/// inside the cancel's wait, so the answer reads Canceled and no process is left.
/// </summary>
public sealed class StubbornFFmpegCancelTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        ProcessTable.KillAllMentioning(_folder.Path);
        _folder.Dispose();
    }

    [Fact]
    public async Task A_cancel_answers_canceled_when_ffmpeg_ignores_the_interrupt()
    {
        var pids = _folder.File("pids");
        // Passes the start-up check, then ignores SIGINT and holds a child of its own, as a stuck encode would.
        var ffmpeg = _folder.FakeFFmpeg($$"""
                        trap '' INT
            echo $$ >> '{{pids}}'
            sleep 600 &
            echo $! >> '{{pids}}'
            echo "out_time_us=1000000"
            echo "progress=continue"
            wait
            """);
        // The default kill grace with a cancel wait a little longer than the contract's 2 s: room for a busy
        // machine, still shorter than the old 5 s grace. KillGraceValidator keeps any grace inside the wait.
        using var app = new AuraApplication
        {
            Orchestrator = null,
            Settings = { ["FFmpeg:Path"] = ffmpeg, ["FFmpeg:ProbePath"] = "/usr/bin/ffprobe", ["Jobs:CancelWait"] = "00:00:04" },
        };
        var client = app.Client();
        var jobId = await client.CreateJobAsync("Why the sky is blue");
        await Eventually.TrueAsync(() => File.Exists(pids) && File.ReadAllText(pids) is var text && text.EndsWith('\n') && text.Split('\n').Length >= 3,
            TimeSpan.FromSeconds(60), "the fake ffmpeg did not start");

        using var cancel = await client.PostAsync($"/api/jobs/{jobId}/cancel", null);

        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        Assert.Equal("Canceled", (await ApiCalls.BodyOf(cancel)).GetProperty("status").GetString());
        var started = File.ReadAllLines(pids).Select(int.Parse).ToList();
        await Eventually.TrueAsync(() => !started.Any(ProcessTable.IsAlive), TimeSpan.FromSeconds(30), "a process of the canceled FFmpeg is still alive");
        Assert.Empty(ProcessTable.Mentioning(jobId));
    }
}
