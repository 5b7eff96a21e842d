using System.Net;
using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Tests.Support;

namespace Aura.Tests.Api;

/// <summary><c>Jobs:QueueCapacity</c> counts the jobs that really wait for a worker.</summary>
public sealed class QueueCapacityTests
{
    [Fact]
    public async Task Canceling_queued_jobs_frees_their_places_at_once_and_the_worker_passing_them_later_frees_nothing_twice()
    {
        var orchestrator = new FakeOrchestrator().HoldBefore(JobStage.Voice);
        using var app = new AuraApplication
        {
            Orchestrator = orchestrator,
            Settings = { ["Jobs:Workers"] = "1", ["Jobs:QueueCapacity"] = "3" },
        };
        var client = app.Client();
        var running = await client.CreateJobAsync("holds the only worker");
        await orchestrator.Started;
        var queued = new List<string>();
        for (var i = 0; i < 3; i++)
            queued.Add(await client.CreateJobAsync($"waits {i}"));
        await AssertQueueFullAsync(client);

        foreach (var jobId in queued)
            Assert.Equal("Canceled", await CancelAsync(client, jobId));
        var next = await client.CreateJobAsync("takes a freed place");

        // The worker now passes the three canceled ids and takes the new job, which holds it in turn.
        await using (var stream = await SseSession.OpenAsync(client, $"/api/jobs/{next}/events"))
        {
            await CancelAsync(client, running);
            await stream.ReadUntilAsync(e => e.EventType == "job-status" && e.Get("status") == "Running");
        }
        for (var i = 0; i < 3; i++)
            await client.CreateJobAsync($"waits again {i}");
        await AssertQueueFullAsync(client);
    }

    private static async Task<string?> CancelAsync(HttpClient client, string jobId)
    {
        using var response = await client.PostAsync($"/api/jobs/{jobId}/cancel", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await ApiCalls.BodyOf(response)).GetProperty("status").GetString();
    }

    private static async Task AssertQueueFullAsync(HttpClient client)
    {
        var (response, body) = await client.PostJobAsync("""{ "brief": { "topic": "one too many" } }""");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(ErrorCodes.QueueFull, body.GetProperty("code").GetString());
        Assert.NotNull(response.Headers.RetryAfter);
    }
}
