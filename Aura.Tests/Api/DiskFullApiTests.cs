using System.Net;
using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Core.Storage;
using Aura.Tests.Support;

namespace Aura.Tests.Api;

/// <summary>While the store's disk is full, writes answer 507 E306 with what to free, and reads keep working.</summary>
public sealed class DiskFullApiTests
{
    [Fact]
    public async Task While_the_store_is_full_creating_answers_507_E306_with_what_to_free_and_works_again_once_it_has_room()
    {
        var store = new FullDiskJobStore(new InMemoryJobStore());
        using var app = new AuraApplication { Store = store };
        var client = app.Client();
        var earlier = await client.CreateJobAsync();

        store.Full = true;
        var (created, problem) = await client.PostJobAsync("""{ "brief": { "topic": "Tides" } }""");
        using var demo = await client.PostAsync("/api/quick/demo", null);
        using var withKey = await client.SendAsync(Keyed("full-disk-1"));
        using var list = await client.GetAsync("/api/jobs");
        using var get = await client.GetAsync($"/api/jobs/{earlier}");
        store.Full = false;
        var (again, _) = await client.PostJobAsync("""{ "brief": { "topic": "Tides" } }""");

        Assert.Equal(HttpStatusCode.InsufficientStorage, created.StatusCode);
        Assert.Equal("application/problem+json", created.Content.Headers.ContentType!.MediaType);
        Assert.Equal(ErrorCodes.DiskFull, problem.GetProperty("code").GetString());
        Assert.Equal(507, problem.GetProperty("status").GetInt32());
        var remedy = problem.GetProperty("remediation").GetString()!;
        Assert.Contains("Storage:DataFolder", remedy);
        Assert.DoesNotContain("Jobs:DataFolder", remedy);
        Assert.Equal((HttpStatusCode.InsufficientStorage, ErrorCodes.DiskFull), (demo.StatusCode, (await ApiCalls.BodyOf(demo)).GetProperty("code").GetString()));
        Assert.Equal(HttpStatusCode.InsufficientStorage, withKey.StatusCode);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (list.StatusCode, get.StatusCode));
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
    }

    [Fact]
    public async Task While_the_store_is_full_cancel_and_delete_answer_507_and_succeed_once_it_has_room()
    {
        var store = new FullDiskJobStore(new InMemoryJobStore());
        var orchestrator = new FakeOrchestrator();
        using var app = new AuraApplication { Store = store, Orchestrator = orchestrator, Settings = { ["Jobs:Workers"] = "1" } };
        var client = app.Client();
        var ended = await client.CreateJobAsync();
        await client.WaitForEndAsync(ended);
        orchestrator.HoldBefore(JobStage.Voice);
        var running = await client.CreateJobAsync();
        var queued = await client.CreateJobAsync();
        // The running job waits at the hold, its writes done: the full store meets only the calls below.
        await orchestrator.Reached(JobStage.Voice).WaitAsync(TimeSpan.FromSeconds(60));

        store.Full = true;
        using var cancelQueued = await client.PostAsync($"/api/jobs/{queued}/cancel", null);
        using var delete = await client.DeleteAsync($"/api/jobs/{ended}");
        using var cancelRunning = await client.PostAsync($"/api/jobs/{running}/cancel", null);
        using var stream = await client.GetAsync($"/api/jobs/{queued}/events", HttpCompletionOption.ResponseHeadersRead);
        store.Full = false;
        var runningEnd = await client.WaitForEndAsync(running);
        using var cancelAgain = await client.PostAsync($"/api/jobs/{queued}/cancel", null);
        using var deleteAgain = await client.DeleteAsync($"/api/jobs/{ended}");

        Assert.Equal(HttpStatusCode.InsufficientStorage, cancelQueued.StatusCode);
        Assert.Equal(ErrorCodes.DiskFull, (await ApiCalls.BodyOf(cancelQueued)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.InsufficientStorage, delete.StatusCode);
        Assert.Contains("files were removed", (await ApiCalls.BodyOf(delete)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Accepted, cancelRunning.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
        Assert.Equal("Canceled", runningEnd.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Accepted, cancelAgain.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleteAgain.StatusCode);
    }

    [Fact]
    public async Task A_create_the_full_disk_refused_can_be_sent_again_with_the_same_Idempotency_Key_once_there_is_room()
    {
        var store = new FullDiskJobStore(new InMemoryJobStore());
        using var app = new AuraApplication { Store = store };
        var client = app.Client();
        // The key is claimed, then the job's save and the claim's release are both refused.
        store.RefuseWrites(from: _ => true, count: 2);

        using var first = await client.SendAsync(Keyed("full-disk-2"));
        using var retry = await client.SendAsync(Keyed("full-disk-2"));
        using var replay = await client.SendAsync(Keyed("full-disk-2"));

        Assert.Equal(HttpStatusCode.InsufficientStorage, first.StatusCode);
        Assert.Equal(2, store.RefusedWrites);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        Assert.Equal((await ApiCalls.BodyOf(retry)).GetProperty("jobId").GetString(), (await ApiCalls.BodyOf(replay)).GetProperty("jobId").GetString());
        Assert.True(replay.Headers.Contains("Idempotent-Replayed"));
    }

    private static HttpRequestMessage Keyed(string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/jobs") { Content = ApiCalls.Json("""{ "brief": { "topic": "Tides" } }""") };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }
}
