using System.Net.ServerSentEvents;
using Aura.Tests.Processes;
using Aura.Tests.Support;

namespace Aura.Tests.Restarts;

/// <summary>
/// The service killed with SIGKILL in the middle of a render (the service alone, as <c>kill -9 &lt;pid&gt;</c>
/// does: its FFmpeg lives on), then started again on the same data.
/// </summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private readonly RestartHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    /// <param name="dieWithService">
    /// On, the kernel kills FFmpeg with the service (setpriv); off, it outlives the service and the next
    /// start must stop it from its pid file. Either way it is gone before the job resumes.
    /// </param>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_job_killed_mid_render_resumes_after_a_restart_and_a_resuming_client_misses_nothing(bool dieWithService)
    {
        string jobId;
        List<SseItem<string>> before;
        List<int> orphans;
        using (var first = await _harness.StartAsync("--FFmpeg:DieWithService", dieWithService ? "true" : "false"))
        {
            using var client = first.Client();
            (jobId, before, orphans) = await _harness.StartRenderAsync(client);
            first.KillServiceOnly();
        }
        var lastId = before.LastId()!;

        using var second = await _harness.StartAsync();
        // The killed service's FFmpeg is stopped at start, before any job resumes: two never write one video.
        Assert.All(orphans, pid => Assert.False(ProcessTable.IsAlive(pid), $"FFmpeg {pid} of the killed service still runs"));
        using var again = second.Client();
        await using var resumed = await SseSession.OpenAsync(again, $"/api/jobs/{jobId}/events", lastId);
        var after = await resumed.ReadToEndAsync();
        var job = await again.GetJobAsync(jobId);

        Assert.Equal(("Succeeded", 2), (job.GetProperty("status").GetString(), job.GetProperty("attempt").GetInt32()));
        Assert.Equal("job-completed", after[^1].EventType);
        Assert.Contains(after, e => e.EventType == "step-status" && e.Get("step") == "Rendering" && e.Get("status") == "Succeeded");
        Assert.Contains(after, e => e.EventType == "artifact-written" && e.Json().GetProperty("artifact").GetProperty("name").GetString() == "video.mp4");
        Assert.DoesNotContain(after, e => e.EventType == "artifact-written" && e.Json().GetProperty("artifact").GetProperty("name").GetString() == "script.json");
        Assert.All(after.Where(e => e.EventId is not null), e => Assert.True(long.Parse(e.EventId!) > long.Parse(lastId), "the sequence continues after a restart"));
        var video = job.GetProperty("artifacts").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "video.mp4");
        Assert.True(video.GetProperty("sizeBytes").GetInt64() > 0);
        Assert.Equal("", await RestartHarness.DecodeErrorsAsync(Path.Combine(_harness.WorkFolderOf(jobId), "video.mp4")));
        Assert.Empty(_harness.StrayOutputs(job));
    }

    [Fact]
    public async Task A_job_out_of_attempts_fails_as_interrupted_and_leaves_no_video_outside_its_artifacts()
    {
        string jobId;
        List<int> orphans;
        // The orphan outlives the service (no setpriv), so only the pid file can stop it and take its partial file.
        using (var first = await _harness.StartAsync("--FFmpeg:DieWithService", "false"))
        {
            using var client = first.Client();
            (jobId, _, orphans) = await _harness.StartRenderAsync(client);
            first.KillServiceOnly();
        }

        using var second = await _harness.StartAsync("--Jobs:MaxAttempts", "1");
        using var again = second.Client();
        var job = await again.WaitForEndAsync(jobId);

        Assert.Equal("Failed", job.GetProperty("status").GetString());
        Assert.Equal("E308-INTERRUPTED", job.GetProperty("failure").GetProperty("code").GetString());
        Assert.Contains("the service stopped", job.GetProperty("failure").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("Rendering", job.GetProperty("failure").GetProperty("stage").GetString());
        Assert.All(orphans, pid => Assert.False(ProcessTable.IsAlive(pid), $"FFmpeg {pid} of the killed service still runs"));
        Assert.Empty(_harness.StrayOutputs(job));
    }

    [SetprivFact] // without setpriv, only the next start stops it (the tests above)
    public async Task An_ffmpeg_dies_with_its_service_when_the_service_is_killed()
    {
        var pidFile = _harness.File("ffmpeg.pid");
        // Passes the start-up check, then hangs for ever ignoring SIGINT and SIGTERM: only a SIGKILL ends it.
        // (Not `tail -f`: that one exits by itself once the service's end of its stdout pipe is gone.)
        var hanging = _harness.FakeFFmpeg($$"""
                        trap '' INT TERM
            echo $$ > '{{pidFile}}'
            while :; do sleep 1; done
            """);
        using var service = await _harness.StartAsync("--FFmpeg:Path", hanging, "--FFmpeg:ProbePath", "/usr/bin/ffprobe");
        using var client = service.Client();
        await client.CreateJobAsync();
        await Eventually.TrueAsync(() => File.Exists(pidFile) && File.ReadAllText(pidFile).EndsWith('\n'), TimeSpan.FromSeconds(60), "the fake ffmpeg did not start");
        var ffmpeg = int.Parse(File.ReadAllText(pidFile));

        service.KillServiceOnly();

        await Eventually.TrueAsync(() => !ProcessTable.IsAlive(ffmpeg), TimeSpan.FromSeconds(60), "FFmpeg outlived the killed service");
    }
}
