using System.Net;
using Aura.Tests.Support;

namespace Aura.Tests.Api;

/// <summary>How the real pipeline ends when FFmpeg fails or the user cancels, as the API and its stream show it.</summary>
public sealed class PipelineFailureTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>An ffmpeg that passes the start-up check, then fails every real run with <paramref name="stderr"/>.</summary>
    private string FakeFFmpeg(string stderr)
    {
        return _folder.FakeFFmpeg($$"""
                        echo "Input #0, lavfi" >&2
            echo "{{stderr}}" >&2
            exit 1
            """);
    }

    [Theory]
    [InlineData("[out#0/image2] Error writing trailer: No space left on device", "E306-DISK_FULL")]
    [InlineData("[Parsed_drawtext_0] Cannot find a valid font for the family Sans", "E304-FFMPEG_RUNTIME")]
    public async Task A_failing_ffmpeg_ends_the_job_failed_with_a_classified_job_failed_event(string stderr, string code)
    {
        using var app = new AuraApplication
        {
            Orchestrator = null,
            Settings = { ["FFmpeg:Path"] = FakeFFmpeg(stderr), ["FFmpeg:ProbePath"] = "/usr/bin/ffprobe" },
        };
        var client = app.Client();
        var jobId = await client.CreateJobAsync("Why the sky is blue");

        await using var stream = await SseSession.OpenAsync(client, $"/api/jobs/{jobId}/events");
        var events = await stream.ReadToEndAsync();
        var failed = events[^1];
        var job = await client.GetJobAsync(jobId);

        Assert.Equal("job-failed", failed.EventType);
        Assert.Equal(("Failed", "Visuals"), (failed.Get("status"), failed.Get("stage")));
        var error = failed.Json().GetProperty("errors")[0];
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("remediation").GetString()));
        Assert.Contains(stderr, failed.Get("stderrSnippet"));
        Assert.Equal(Path.Combine(app.LogsFolder, "ffmpeg", jobId + ".log"), failed.Get("logPath"));
        Assert.Equal(("Failed", code), (job.GetProperty("status").GetString(), job.GetProperty("failure").GetProperty("code").GetString()));
        Assert.Contains($"[stderr] {stderr}", await client.GetStringAsync($"/api/jobs/{jobId}/logs/ffmpeg"));
    }

    [Fact]
    public async Task Canceling_during_the_render_stops_ffmpeg_removes_the_partial_video_and_reads_canceled()
    {
        // The answer waits for FFmpeg to stop, however long a busy machine takes (how soon is the benchmark's figure).
        using var app = new AuraApplication { Orchestrator = null, Settings = { ["Jobs:CancelWait"] = "00:01:00" } };
        var client = app.Client();
        var (_, created) = await client.PostJobAsync("""
            { "brief": { "topic": "Why tides rise and fall" }, "planSpec": { "targetDuration": "00:00:40", "pacing": "Slow" },
              "renderSpec": { "res": { "width": 1280, "height": 720 }, "fps": 30 } }
            """);
        var jobId = created.GetProperty("jobId").GetString()!;
        await using var stream = await SseSession.OpenAsync(client, $"/api/jobs/{jobId}/events");
        await stream.ReadUntilAsync(e => e.EventType == "step-progress" && e.Get("step") == "Rendering" && e.Get("message")!.StartsWith("Encoding"));

        using var cancel = await client.PostAsync($"/api/jobs/{jobId}/cancel", null);
        var rest = await stream.ReadToEndAsync();

        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        Assert.Equal("Canceled", (await ApiCalls.BodyOf(cancel)).GetProperty("status").GetString());
        Assert.Equal(("job-cancelled", "Rendering"), (rest[^1].EventType, rest[^1].Get("stage")));
        Assert.False(File.Exists(Path.Combine(app.DataFolder, "jobs", jobId, "video.mp4")), "the partial video is removed");
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(app.DataFolder, "jobs", jobId), "*.partial.*"));
        Assert.Empty(ProcessTable.Mentioning(jobId));
        Assert.Contains("Exit Code: canceled", await client.GetStringAsync($"/api/jobs/{jobId}/logs/ffmpeg"));
    }
}
