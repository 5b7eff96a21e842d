using System.Text.Json;
using Aura.Tests.Support;

namespace Aura.Tests.Api;

/// <summary>The all-jobs stream tells of deletions, numbered in the same sequence as changes, so resuming covers them.</summary>
public sealed class JobDeletedEventTests
{
    [Fact]
    public async Task A_client_resuming_from_before_a_deletion_is_sent_job_deleted_with_the_deletions_number()
    {
        using var app = new AuraApplication();
        var client = app.Client();
        var kept = await client.CreateJobAsync("kept");
        var doomed = await client.CreateJobAsync("doomed");
        await client.WaitForEndAsync(kept);
        var seen = (await client.WaitForEndAsync(doomed)).GetProperty("version").GetInt64();
        seen = Math.Max(seen, (await client.WaitForEndAsync(kept)).GetProperty("version").GetInt64());

        using (var delete = await client.DeleteAsync($"/api/jobs/{doomed}"))
            Assert.Equal(System.Net.HttpStatusCode.NoContent, delete.StatusCode);
        var after = await client.CreateJobAsync("after");
        await using var resumed = await SseSession.OpenAsync(client, "/api/jobs/events", seen.ToString());
        var events = await resumed.ReadUntilAsync(e => e.EventType == "job-update" && e.Get("jobId") == after);

        var deleted = Assert.Single(events, e => e.EventType == "job-deleted");
        Assert.Equal(doomed, deleted.Get("jobId"));
        Assert.True(DateTimeOffset.TryParse(deleted.Get("timestamp"), out _));
        Assert.Equal(seen + 1, long.Parse(deleted.EventId!));
        var ids = events.Select(e => long.Parse(e.EventId!)).ToList();
        Assert.Equal(ids.Order(), ids);
        Assert.DoesNotContain(events, e => e.EventType == "job-update" && e.Get("jobId") == doomed);
    }

    [Fact]
    public async Task A_client_starting_from_nothing_is_sent_no_past_deletions_but_is_told_of_new_ones()
    {
        using var app = new AuraApplication();
        var client = app.Client();
        var old = await client.CreateJobAsync("old");
        await client.WaitForEndAsync(old);
        (await client.DeleteAsync($"/api/jobs/{old}")).Dispose();
        var live = await client.CreateJobAsync("live");
        await client.WaitForEndAsync(live);

        await using var stream = await SseSession.OpenAsync(client, "/api/jobs/events");
        var first = await stream.ReadUntilAsync(e => e.Get("jobId") == live);
        (await client.DeleteAsync($"/api/jobs/{live}")).Dispose();
        var next = await stream.NextAsync();

        Assert.DoesNotContain(first, e => e.EventType == "job-deleted");
        Assert.Equal("job-deleted", next!.Value.EventType);
        Assert.Equal(live, next.Value.Get("jobId"));
    }

    [Fact]
    public async Task The_meta_endpoint_gives_the_stages_with_their_phases_and_percent_ranges_and_the_limits()
    {
        using var app = new AuraApplication();

        using var meta = JsonDocument.Parse(await app.Client().GetStringAsync("/api/meta"));

        var stages = meta.RootElement.GetProperty("stages").EnumerateArray().ToList();
        Assert.Equal(["Script", "Voice", "Visuals", "Compose", "Rendering"], stages.Select(s => s.GetProperty("name").GetString()));
        Assert.Equal(["plan", "tts", "visuals", "compose", "render"], stages.Select(s => s.GetProperty("phase").GetString()));
        Assert.Equal(85, stages[^1].GetProperty("from").GetInt32());
        Assert.Equal(["Succeeded", "Failed", "Canceled"],
            meta.RootElement.GetProperty("terminalStatuses").EnumerateArray().Select(s => s.GetString()));
        var limits = meta.RootElement.GetProperty("limits");
        Assert.Equal(500, limits.GetProperty("topicMaxCharacters").GetInt32());
        Assert.Equal(600, limits.GetProperty("maxDurationSeconds").GetInt32());
        Assert.Equal(200, limits.GetProperty("listMaxLimit").GetInt32());
    }
}
