using System.Net.ServerSentEvents;
using System.Text.Json;
using Aura.Tests.Support;

namespace Aura.Tests.Restarts;

/// <summary>The service killed with SIGKILL in the middle of a render, then started again on the same data.</summary>
public sealed class CrashRecoveryTests : IDisposable
{
    // Long enough that the render is still running when the kill lands, small enough to stay quick.
    private const string Body = """
        { "brief": { "topic": "Why tides rise and fall" }, "planSpec": { "targetDuration": "00:00:40", "pacing": "Slow" },
          "renderSpec": { "res": { "width": 1280, "height": 720 }, "fps": 30 } }
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private Task<ServiceProcess> StartAsync(params string[] settings) =>
        ServiceProcess.StartAsync(_folder["data"], _folder["logs"], ["--Sse:PollInterval", "00:00:00.100", .. settings]);

    /// <summary>Starts a job and follows it until it is rendering; returns its id and what the client saw.</summary>
    private static async Task<(string JobId, List<SseItem<string>> Seen)> StartRenderAsync(HttpClient client)
    {
        var (response, job) = await client.PostJobAsync(Body);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var jobId = job.GetProperty("jobId").GetString()!;
        await using var stream = await SseSession.OpenAsync(client, $"/api/jobs/{jobId}/events");
        var seen = await stream.ReadUntilAsync(e => e.EventType == "step-progress" && e.Get("step") == "Rendering" && e.EventId is not null);
        return (jobId, seen);
    }

    [Fact]
    public async Task A_job_killed_mid_render_resumes_after_a_restart_and_a_resuming_client_misses_nothing()
    {
        string jobId;
        List<SseItem<string>> before;
        using (var first = await StartAsync())
        {
            using var client = first.Client();
            (jobId, before) = await StartRenderAsync(client);
            first.Kill();
        }
        var lastId = before.LastId()!;

        using var second = await StartAsync();
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
    }

    [Fact]
    public async Task A_job_out_of_attempts_fails_as_interrupted_instead_of_reading_running()
    {
        string jobId;
        using (var first = await StartAsync())
        {
            using var client = first.Client();
            (jobId, _) = await StartRenderAsync(client);
            first.Kill();
        }

        using var second = await StartAsync("--Jobs:MaxAttempts", "1");
        using var again = second.Client();
        var job = await again.WaitForEndAsync(jobId);

        Assert.Equal("Failed", job.GetProperty("status").GetString());
        Assert.Equal("E308-INTERRUPTED", job.GetProperty("failure").GetProperty("code").GetString());
        Assert.Equal("Rendering", job.GetProperty("failure").GetProperty("stage").GetString());
    }
}
