using System.Net;
using System.Text.Json;
using Aura.Core.Pipeline.Subtitles;
using Aura.Core.Media.Rendering;
using Aura.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Aura.Tests.Api;

/// <summary>The quick demo through the real service and the real pipeline (espeak-ng, FFmpeg).</summary>
public sealed class QuickDemoTests
{
    [Fact]
    public async Task The_quick_demo_makes_a_real_narrated_video_with_subtitles_and_a_logged_render()
    {
        using var app = new AuraApplication { Orchestrator = null };
        var client = app.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/quick/demo") { Headers = { { "X-Correlation-ID", "demo-trace-9" } } };

        using var accepted = await client.SendAsync(request);
        var jobId = (await ApiCalls.BodyOf(accepted)).GetProperty("jobId").GetString()!;
        await using var stream = await SseSession.OpenAsync(client, $"/api/jobs/{jobId}/events");
        var events = await stream.ReadToEndAsync();
        var completed = events[^1].Json();
        var video = Path.Combine(app.DataFolder, "jobs", jobId, "video.mp4");
        var media = await app.Services.GetRequiredService<IMediaProbe>().ProbeAsync(video, CancellationToken.None);
        var timeline = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(app.DataFolder, "jobs", jobId, "timeline.json"))).RootElement;
        var srt = SrtParser.Parse(await client.GetStringAsync($"/api/jobs/{jobId}/artifacts/video.srt"));
        var log = await client.GetStringAsync($"/api/jobs/{jobId}/logs/ffmpeg");

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal("job-completed", events[^1].EventType);
        Assert.Equal($"/api/jobs/{jobId}/artifacts/video.mp4", completed.GetProperty("output").GetProperty("url").GetString());
        Assert.Equal(video, completed.GetProperty("output").GetProperty("videoPath").GetString());
        Assert.True(media is { HasVideo: true, HasAudio: true, HasSubtitles: true, Width: 1280, Height: 720 }, media.ToString());
        Assert.InRange(media.Duration.TotalSeconds, 10, 14);
        // The output says how long the video is: the length it was encoded to, as the file itself says.
        Assert.InRange(Math.Abs(completed.GetProperty("output").GetProperty("durationSeconds").GetDouble() - media.Duration.TotalSeconds), 0, 0.25);
        Assert.InRange(Math.Abs((media.Duration - TimelineLength(timeline)).TotalSeconds), 0, 0.25);
        Assert.NotEmpty(srt);
        Assert.True(srt[^1].End <= media.Duration + TimeSpan.FromMilliseconds(250));
        Assert.Contains("Correlation ID: demo-trace-9", log);
        Assert.Contains("[stderr] ", log);
        Assert.Contains("Exit Code: 0", log);
        Assert.DoesNotContain("Exit Code: 1", log);
        using var vtt = await client.GetAsync($"/api/jobs/{jobId}/artifacts/video.vtt");
        Assert.Equal("text/vtt", vtt.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("WEBVTT\n\n1\n00:00:00.000 --> ", await vtt.Content.ReadAsStringAsync());
        Assert.Equal(srt.Count, SrtParser.Parse(await FFmpegSubtitles.DecodeAsync(Path.Combine(app.DataFolder, "jobs", jobId, "video.vtt"))).Count);
        using var mp4 = await client.GetAsync($"/api/jobs/{jobId}/artifacts/video.mp4");
        Assert.Equal(("video/mp4", new FileInfo(video).Length), (mp4.Content.Headers.ContentType!.MediaType, mp4.Content.Headers.ContentLength!.Value));
    }

    private static TimeSpan TimelineLength(JsonElement timeline) =>
        TimeSpan.Parse(timeline.GetProperty("duration").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_quick_demo_takes_a_topic_or_none_and_validates_it()
    {
        using var app = new AuraApplication();
        var client = app.Client();

        using var empty = await client.PostAsync("/api/quick/demo", null);
        using var topic = await client.PostAsync("/api/quick/demo", ApiCalls.Json("""{ "topic": "Volcanoes" }"""));
        using var tooLong = await client.PostAsync("/api/quick/demo", ApiCalls.Json(JsonSerializer.Serialize(new { topic = new string('v', 501) })));
        using var blank = await client.PostAsync("/api/quick/demo", ApiCalls.Json("""{ "topic": "   " }"""));

        Assert.Equal(HttpStatusCode.Accepted, empty.StatusCode);
        Assert.Equal("Volcanoes", (await ApiCalls.BodyOf(topic)).GetProperty("request").GetProperty("brief").GetProperty("topic").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal("E400-VALIDATION", (await ApiCalls.BodyOf(tooLong)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
    }
}
