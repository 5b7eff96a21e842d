using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Tests.Support;

namespace Aura.Tests.Api;

public sealed class AllJobsStreamTests
{
    [Fact]
    public async Task The_first_batch_sends_every_job_then_each_change_follows_in_version_order()
    {
        var orchestrator = new FakeOrchestrator().HoldBefore(JobStage.Script);
        using var app = new AuraApplication { Orchestrator = orchestrator, Settings = { ["Jobs:Workers"] = "1" } };
        var client = app.Client();
        var first = await client.CreateJobAsync("first");
        var second = await client.CreateJobAsync("second");
        await using var stream = await SseSession.OpenAsync(client, "/api/jobs/events");

        var batch = await stream.ReadUntilAsync(e => e.Get("jobId") == second);
        orchestrator.Release(JobStage.Script);
        var updates = await stream.ReadUntilAsync(e => e.Get("jobId") == second && e.Get("status") == "Succeeded");

        Assert.Equal([first, second], batch.Select(e => e.Get("jobId")).Distinct());
        Assert.All(batch.Concat(updates), e => Assert.Equal("job-update", e.EventType));
        var ids = batch.Concat(updates).Select(e => long.Parse(e.EventId!)).ToList();
        Assert.Equal(ids.Order().Distinct(), ids);
        Assert.All(batch.Concat(updates), e => Assert.Equal(e.EventId, e.Get("version")));
        Assert.Contains(updates, e => e.Get("jobId") == first && e.Get("status") == "Succeeded");
    }

    [Fact]
    public async Task Resuming_sends_only_jobs_changed_after_the_last_event_id_and_a_filter_narrows_them()
    {
        using var app = new AuraApplication();
        var client = app.Client();
        var old = await client.CreateJobAsync("old");
        var oldVersion = (await client.WaitForEndAsync(old)).GetProperty("version").GetInt64();
        var fresh = await client.CreateJobAsync("fresh");
        await client.WaitForEndAsync(fresh);

        await using var resumed = await SseSession.OpenAsync(client, "/api/jobs/events", oldVersion.ToString());
        var afterOld = await resumed.ReadUntilAsync(e => e.Get("jobId") == fresh);
        await using var filtered = await SseSession.OpenAsync(client, "/api/jobs/events?status=Succeeded");
        var succeeded = await filtered.ReadUntilAsync(e => e.Get("jobId") == fresh);

        Assert.DoesNotContain(afterOld, e => e.Get("jobId") == old);
        Assert.Equal([old, fresh], succeeded.Select(e => e.Get("jobId")));
        Assert.All(succeeded, e => Assert.Equal("Succeeded", e.Get("status")));
    }

    [Fact]
    public async Task A_last_event_id_beyond_the_newest_number_issued_resyncs_with_every_job()
    {
        // A browser that kept its id across a database reset asks to resume from a number never issued.
        using var app = new AuraApplication();
        var client = app.Client();
        var first = await client.CreateJobAsync("first");
        await client.WaitForEndAsync(first);
        var second = await client.CreateJobAsync("second");
        var lastVersion = (await client.WaitForEndAsync(second)).GetProperty("version").GetInt64();

        await using var stream = await SseSession.OpenAsync(client, "/api/jobs/events", (lastVersion + 1000).ToString());
        var batch = await stream.ReadUntilAsync(e => e.Get("jobId") == second);

        Assert.Equal([first, second], batch.Select(e => e.Get("jobId")));
        Assert.All(batch, e => Assert.Equal(("job-update", "Succeeded"), (e.EventType, e.Get("status"))));
        Assert.Equal(lastVersion.ToString(), batch[^1].EventId);
    }

    [Fact]
    public async Task A_bad_status_filter_gets_400()
    {
        using var app = new AuraApplication();
        using var response = await app.Client().GetAsync("/api/jobs/events?status=Done");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("E400-VALIDATION", (await ApiCalls.BodyOf(response)).GetProperty("code").GetString());
    }
}
