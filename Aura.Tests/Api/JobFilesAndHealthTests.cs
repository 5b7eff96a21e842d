using System.Net;
using System.Net.Http.Headers;
using Aura.Tests.Support;

namespace Aura.Tests.Api;

public sealed class JobFilesAndHealthTests
{
    [Fact]
    public async Task An_artifact_is_served_by_name_with_range_support_and_nothing_else_is()
    {
        using var app = new AuraApplication();
        var client = app.Client();
        var jobId = await client.CreateJobAsync();
        await client.WaitForEndAsync(jobId);

        using var whole = await client.GetAsync($"/api/jobs/{jobId}/artifacts/script.txt");
        using var ranged = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/jobs/{jobId}/artifacts/script.txt")
        {
            Headers = { Range = new RangeHeaderValue(1, 3) },
        });
        using var unknown = await client.GetAsync($"/api/jobs/{jobId}/artifacts/secret.txt");
        using var climbing = await client.GetAsync($"/api/jobs/{jobId}/artifacts/..%2F..%2Faura.db");

        Assert.Equal((HttpStatusCode.OK, "Script"), (whole.StatusCode, await whole.Content.ReadAsStringAsync()));
        Assert.Equal("text/plain", whole.Content.Headers.ContentType!.MediaType);
        Assert.Equal((HttpStatusCode.PartialContent, "cri"), (ranged.StatusCode, await ranged.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("E404-ARTIFACT_NOT_FOUND", (await ApiCalls.BodyOf(unknown)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, climbing.StatusCode);
    }

    [Fact]
    public async Task The_ffmpeg_log_is_served_whole_or_by_its_last_lines()
    {
        using var app = new AuraApplication();
        var client = app.Client();
        var jobId = await client.CreateJobAsync();
        using var before = await client.GetAsync($"/api/jobs/{jobId}/logs/ffmpeg");
        Directory.CreateDirectory(Path.Combine(app.LogsFolder, "ffmpeg"));
        await File.WriteAllLinesAsync(Path.Combine(app.LogsFolder, "ffmpeg", jobId + ".log"), ["one", "two", "three", "Exit Code: 0"]);

        var whole = await client.GetStringAsync($"/api/jobs/{jobId}/logs/ffmpeg");
        var tail = await client.GetStringAsync($"/api/jobs/{jobId}/logs/ffmpeg?tail=2");
        using var badTail = await client.GetAsync($"/api/jobs/{jobId}/logs/ffmpeg?tail=0");
        using var unknown = await client.GetAsync("/api/jobs/nope/logs/ffmpeg");

        Assert.Equal((HttpStatusCode.OK, ""), (before.StatusCode, await before.Content.ReadAsStringAsync()));
        Assert.Equal("one\nthree\n".Length + "two\nExit Code: 0\n".Length, whole.Length);
        Assert.Equal("three\nExit Code: 0\n", tail);
        Assert.Equal(HttpStatusCode.BadRequest, badTail.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Health_reports_ffmpeg_store_disk_and_streams()
    {
        using var app = new AuraApplication();
        var health = await app.Client().GetHealthAsync();

        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.True(health.GetProperty("ffmpeg").GetProperty("ready").GetBoolean());
        Assert.True(health.GetProperty("ffmpeg").GetProperty("hasLibx264").GetBoolean());
        Assert.True(health.GetProperty("store").GetProperty("ready").GetBoolean());
        Assert.True(health.GetProperty("disk").GetProperty("freeBytes").GetInt64() > 0);
        Assert.Equal(0, health.GetProperty("streams").GetProperty("open").GetInt32());
    }

    [Fact]
    public async Task Without_a_usable_ffmpeg_jobs_are_refused_with_E302_and_a_remedy()
    {
        using var app = new AuraApplication { Settings = { ["FFmpeg:Path"] = "/nonexistent/ffmpeg" } };
        var client = app.Client();

        var (response, problem) = await client.PostJobAsync("""{ "brief": { "topic": "x" } }""");
        var health = await client.GetHealthAsync();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("E302-FFMPEG_NOT_FOUND", problem.GetProperty("code").GetString());
        Assert.Contains("ffmpeg", problem.GetProperty("remediation").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Unhealthy", health.GetProperty("status").GetString());
        Assert.False(health.GetProperty("ffmpeg").GetProperty("ready").GetBoolean());
    }

    [Fact]
    public async Task Every_log_line_about_a_job_carries_its_job_id_and_correlation_id()
    {
        using var app = new AuraApplication();
        var client = app.Client();
        var jobId = await client.CreateJobAsync(correlationId: "log-trace-7");
        await client.WaitForEndAsync(jobId);

        List<string> JobLines() => Directory.GetFiles(app.LogsFolder, "aura-*.log").SelectMany(ReadShared).Where(l => l.Contains($"Job {jobId}")).ToList();
        // The end is logged just after the job's terminal state is kept.
        await Eventually.TrueAsync(() => JobLines().Any(l => l.Contains("ended Succeeded")));
        var lines = JobLines();

        Assert.Contains(lines, l => l.Contains("started"));
        Assert.All(lines, l => Assert.Contains("\"CorrelationId\":\"log-trace-7\"", l));
        // Created (the commands), started and ended (the workers).
        Assert.Equal(3, lines.Count(l => l.Contains("[INF] Aura.Core.Jobs.JobCommands") || l.Contains("[INF] Aura.Core.Jobs.JobWorkers")));
    }

    private static IEnumerable<string> ReadShared(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(file);
        return reader.ReadToEnd().Split('\n');
    }
}
