using System.Net;
using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Tests.Support;

namespace Aura.Tests.Api;

public sealed class JobEventStreamTests
{
    private static readonly string[] Stages = ["Script", "Voice", "Visuals", "Compose", "Rendering"];

    [Fact]
    public async Task A_job_followed_from_the_start_shows_every_stage_in_order_and_ends_with_one_job_completed()
    {
        var orchestrator = new FakeOrchestrator().HoldBefore(JobStage.Script);
        using var app = new AuraApplication { Orchestrator = orchestrator };
        var client = app.Client();
        var jobId = await client.CreateJobAsync(correlationId: "trace-me-1");
        await using var stream = await SseSession.OpenAsync(client, $"/api/jobs/{jobId}/events");
        var first = await stream.ReadUntilAsync(i => i.EventId is not null);

        orchestrator.Release(JobStage.Script);
        var rest = await stream.ReadToEndAsync();
        var events = first.Concat(rest).ToList();

        Assert.Equal("job-status", events[0].EventType);
        Assert.Equal("job-completed", events[^1].EventType);
        Assert.Single(events, e => e.EventType is "job-completed" or "job-failed" or "job-cancelled");
        var steps = events.Where(e => e.EventType == "step-status").Select(e => $"{e.Get("step")}:{e.Get("status")}").ToList();
        AssertEveryStageInOrder(steps);
        var percents = events.Where(e => e.EventType == "step-progress").Select(e => int.Parse(e.Get("progressPct")!)).ToList();
        Assert.Equal(percents.Order(), percents);
        Assert.Equal(100, percents[^1]);
        Assert.Equal(5, events.Count(e => e.EventType == "artifact-written"));
        Assert.All(events, e => Assert.Equal(("trace-me-1", jobId), (e.Get("correlationId"), e.Get("jobId"))));
        Assert.All(events, e => Assert.False(e.Json().TryGetProperty("name", out _), "the event name is not part of its data"));
        var ids = events.Where(e => e.EventId is not null).Select(e => long.Parse(e.EventId!)).Distinct().ToList();
        Assert.Equal(ids.Order(), ids);
    }

    /// <summary>
    /// Every stage appears, in order, and succeeds once; a stage that finished between two polls may
    /// show only as Succeeded (the contract's rule), never out of order.
    /// </summary>
    private static void AssertEveryStageInOrder(List<string> steps)
    {
        var order = steps.Select(s => Array.IndexOf(Stages, s.Split(':')[0])).Select(i => i < 0 ? Stages.Length : i).ToList();
        Assert.Equal(order.Order(), order);
        Assert.Equal(Stages.Select(s => $"{s}:Succeeded"), steps.Where(s => s.EndsWith(":Succeeded") && !s.StartsWith("Complete")));
        Assert.Equal("Complete:Succeeded", steps[^1]);
    }

    [Fact]
    public async Task The_headers_and_retry_arrive_before_the_job_changes()
    {
        var orchestrator = new FakeOrchestrator().HoldBefore(JobStage.Script);
        using var app = new AuraApplication { Orchestrator = orchestrator };
        var client = app.Client();
        var jobId = await client.CreateJobAsync();
        await orchestrator.Started;

        using var response = await client.GetAsync($"/api/jobs/{jobId}/events", HttpCompletionOption.ResponseHeadersRead).WaitAsync(TimeSpan.FromSeconds(60));
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        Assert.True(response.Headers.CacheControl is { NoCache: true, NoTransform: true });
        Assert.Equal("no", response.Headers.GetValues("X-Accel-Buffering").Single());
        Assert.Equal("retry: 3000", await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)));
        orchestrator.Release(JobStage.Script);
    }

    [Fact]
    public async Task A_client_that_resumes_with_its_last_event_id_loses_nothing_and_sees_nothing_twice()
    {
        var orchestrator = new FakeOrchestrator().HoldBefore(JobStage.Visuals);
        using var app = new AuraApplication { Orchestrator = orchestrator };
        var client = app.Client();
        var jobId = await client.CreateJobAsync();
        List<System.Net.ServerSentEvents.SseItem<string>> before;
        var voiceDone = false;
        await using (var first = await SseSession.OpenAsync(client, $"/api/jobs/{jobId}/events"))
            before = await first.ReadUntilAsync(e => (voiceDone |= e.Get("message") == "Voice done") && e.EventId is not null);
        var lastId = before.LastId();

        orchestrator.Release(JobStage.Visuals);
        await using var resumed = await SseSession.OpenAsync(client, $"/api/jobs/{jobId}/events", lastId);
        var after = await resumed.ReadToEndAsync();

        var steps = before.Concat(after).Where(e => e.EventType == "step-status").Select(e => $"{e.Get("step")}:{e.Get("status")}").ToList();
        Assert.Equal(steps.Distinct(), steps);
        AssertEveryStageInOrder(steps);
        Assert.DoesNotContain(after, e => e.EventType == "job-status" && e.Get("status") == "Running");
        var artifacts = before.Concat(after).Where(e => e.EventType == "artifact-written").Select(e => e.Json().GetProperty("artifact").GetProperty("name").GetString()).ToList();
        Assert.Equal(["script.txt", "voice.txt", "visuals.txt", "compose.txt", "rendering.txt"], artifacts);
        Assert.Equal("job-completed", after[^1].EventType);
    }

    [Fact]
    public async Task A_browser_can_resume_with_the_lastEventId_query_parameter()
    {
        using var app = new AuraApplication();
        var client = app.Client();
        var jobId = await client.CreateJobAsync();
        var job = await client.WaitForEndAsync(jobId);
        var created = job.GetProperty("version").GetInt64();

        using var afterEnd = await client.GetAsync($"/api/jobs/{jobId}/events?lastEventId={created}");

        Assert.Equal(HttpStatusCode.NoContent, afterEnd.StatusCode);
    }

    [Fact]
    public async Task A_reconnect_after_the_end_gets_204_so_the_browser_stops()
    {
        using var app = new AuraApplication();
        var client = app.Client();
        var jobId = await client.CreateJobAsync();
        string? lastId;
        await using (var stream = await SseSession.OpenAsync(client, $"/api/jobs/{jobId}/events"))
            lastId = (await stream.ReadToEndAsync()).LastId();

        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/jobs/{jobId}/events");
        request.Headers.Add("Last-Event-ID", lastId);
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Theory]
    [InlineData("banana")]
    [InlineData("-5")]
    [InlineData("999999999")]
    public async Task A_last_event_id_that_places_nothing_resyncs_with_the_whole_state(string lastEventId)
    {
        using var app = new AuraApplication();
        var client = app.Client();
        var jobId = await client.CreateJobAsync();
        await client.WaitForEndAsync(jobId);

        await using var stream = await SseSession.OpenAsync(client, $"/api/jobs/{jobId}/events", lastEventId);
        var events = await stream.ReadToEndAsync();

        Assert.Equal("job-status", events[0].EventType);
        Assert.Equal("job-completed", events[^1].EventType);
    }

    [Fact]
    public async Task An_unknown_job_gets_404_problem_json()
    {
        using var app = new AuraApplication();
        using var response = await app.Client().GetAsync("/api/jobs/does-not-exist/events");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("E404-JOB_NOT_FOUND", (await ApiCalls.BodyOf(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Canceling_a_running_job_ends_its_stream_with_job_cancelled()
    {
        var orchestrator = new FakeOrchestrator().HoldBefore(JobStage.Compose);
        // The answer waits for the run to stop, however long a busy machine takes (how soon is the benchmark's figure).
        using var app = new AuraApplication { Orchestrator = orchestrator, Settings = { ["Jobs:CancelWait"] = "00:01:00" } };
        var client = app.Client();
        var jobId = await client.CreateJobAsync();
        await using var stream = await SseSession.OpenAsync(client, $"/api/jobs/{jobId}/events");
        await stream.ReadUntilAsync(e => e.EventType == "step-status" && e.Get("step") == "Visuals" && e.Get("status") == "Succeeded"
                                          || e.EventType == "artifact-written" && e.Json().GetProperty("artifact").GetProperty("name").GetString() == "visuals.txt");

        using var cancel = await client.PostAsync($"/api/jobs/{jobId}/cancel", null);
        var rest = await stream.ReadToEndAsync();

        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        Assert.Equal("Canceled", (await ApiCalls.BodyOf(cancel)).GetProperty("status").GetString());
        Assert.Equal("job-cancelled", rest[^1].EventType);
        Assert.Equal("Canceled", rest[^1].Get("status"));
    }
}
