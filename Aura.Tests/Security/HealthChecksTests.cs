using Aura.Core.Kernel;
using System.Net;
using Aura.Core.Jobs;

namespace Aura.Tests.Security;

/// <summary>/healthz (liveness) and /health (readiness, 200/503) from ASP.NET Core's health checks, with job and stream figures.</summary>
public sealed class HealthChecksTests
{
    [Fact]
    public async Task Liveness_answers_even_when_not_ready()
    {
        using var app = new AuraApplication { Settings = { ["FFmpeg:Path"] = "/nonexistent/ffmpeg" } };
        using var client = app.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        using var ready = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.False((await ApiCalls.BodyOf(ready)).GetProperty("ffmpeg").GetProperty("ready").GetBoolean());
    }

    [Fact]
    public async Task A_nearly_full_disk_is_503()
    {
        using var app = new AuraApplication { Settings = { ["Health:MinFreeDiskMegabytes"] = "10000000" } };
        using var response = await app.Client().GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.False((await ApiCalls.BodyOf(response)).GetProperty("disk").GetProperty("ready").GetBoolean());
    }

    [Fact]
    public async Task Ready_health_counts_jobs_by_status_and_reports_streams()
    {
        using var app = new AuraApplication();
        using var client = app.Client();
        await client.WaitForEndAsync(await client.CreateJobAsync());

        var health = await client.GetHealthAsync();
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        var jobs = health.GetProperty("jobs");
        Assert.Equal(1, jobs.GetProperty("byStatus").GetProperty(nameof(JobStatus.Succeeded)).GetInt32());
        Assert.Equal(1, jobs.GetProperty("total").GetInt32());
        var streams = health.GetProperty("streams");
        Assert.Equal(1, streams.GetProperty("opened").GetInt64());
        Assert.Equal(1, streams.GetProperty("closed").GetInt64());
        Assert.True(streams.GetProperty("eventsSent").GetInt64() > 0);
        Assert.Equal(0, streams.GetProperty("writeTimeouts").GetInt64());
    }

    [Fact]
    public async Task Folders_and_FFmpeg_paths_only_for_admins_when_keys_are_on()
    {
        using var app = KeyedApplication.Create();
        using var anonymous = app.Client();
        using var admin = app.ClientOf(KeyedApplication.AliceKey);

        var seenByAnyone = await anonymous.GetHealthAsync();
        var seenByAdmin = await admin.GetHealthAsync();

        Assert.DoesNotContain(app.DataFolder, seenByAnyone.GetRawText());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, seenByAnyone.GetProperty("ffmpeg").GetProperty("path").ValueKind);
        Assert.Equal(app.DataFolder, seenByAdmin.GetProperty("disk").GetProperty("folder").GetString());
        Assert.NotNull(seenByAdmin.GetProperty("ffmpeg").GetProperty("path").GetString());
    }
}
