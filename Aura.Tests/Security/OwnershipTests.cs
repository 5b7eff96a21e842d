using Aura.Core.Kernel;
using System.Net;
using System.Text.Json;
using Aura.Core.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Aura.Tests.Security;

/// <summary>A job belongs to the principal that made it: to anyone else but an admin it does not exist, and paths go only to admins.</summary>
public sealed class OwnershipTests : IDisposable
{
    private readonly AuraApplication _app = KeyedApplication.Create();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Another_principals_job_is_404_on_every_route_and_absent_from_the_list()
    {
        using var bob = _app.ClientOf(KeyedApplication.BobKey);
        using var carol = _app.ClientOf(KeyedApplication.CarolKey);
        var jobId = await bob.CreateJobAsync();
        var ended = await bob.WaitForEndAsync(jobId);
        var artifact = ended.GetProperty("artifacts")[0].GetProperty("name").GetString();
        Assert.Equal(HttpStatusCode.OK, (await bob.GetAsync($"/api/jobs/{jobId}/artifacts/{artifact}")).StatusCode);

        foreach (var (method, path) in new[]
        {
            ("GET", $"/api/jobs/{jobId}"), ("HEAD", $"/api/jobs/{jobId}"), ("GET", $"/api/jobs/{jobId}/events"),
            ("GET", $"/api/jobs/{jobId}/artifacts/{artifact}"), ("GET", $"/api/jobs/{jobId}/logs/ffmpeg"),
            ("POST", $"/api/jobs/{jobId}/cancel"), ("DELETE", $"/api/jobs/{jobId}"),
        })
        {
            using var response = await carol.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
            Assert.True(HttpStatusCode.NotFound == response.StatusCode, $"{method} {path} answered {response.StatusCode}");
        }

        var list = await ApiCalls.BodyOf(await carol.GetAsync("/api/jobs"));
        Assert.Equal(0, list.GetProperty("count").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await bob.GetAsync($"/api/jobs/{jobId}")).StatusCode);
        Assert.Equal(1, (await ApiCalls.BodyOf(await bob.GetAsync("/api/jobs"))).GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task The_all_jobs_stream_never_shows_another_principals_job()
    {
        using var bob = _app.ClientOf(KeyedApplication.BobKey);
        using var carol = _app.ClientOf(KeyedApplication.CarolKey);
        await using var stream = await SseSession.OpenAsync(carol, "/api/jobs/events");
        var bobs = await bob.CreateJobAsync("bob's job");
        await bob.WaitForEndAsync(bobs);
        var carols = await carol.CreateJobAsync("carol's job");

        var seen = await stream.ReadUntilAsync(e => e.Get("jobId") == carols);
        Assert.DoesNotContain(seen, e => e.Get("jobId") == bobs);
    }

    [Fact]
    public async Task An_admin_sees_every_job_with_its_paths_and_an_owner_sees_file_names_only()
    {
        using var bob = _app.ClientOf(KeyedApplication.BobKey);
        using var alice = _app.ClientOf(KeyedApplication.AliceKey);
        var jobId = await bob.CreateJobAsync();
        var asBob = await bob.WaitForEndAsync(jobId);

        var asAlice = await alice.GetJobAsync(jobId);
        Assert.Equal(1, (await ApiCalls.BodyOf(await alice.GetAsync("/api/jobs"))).GetProperty("count").GetInt32());
        var adminPath = asAlice.GetProperty("artifacts")[0].GetProperty("path").GetString()!;
        var ownerPath = asBob.GetProperty("artifacts")[0].GetProperty("path").GetString()!;
        Assert.True(Path.IsPathRooted(adminPath), adminPath);
        Assert.Equal(Path.GetFileName(adminPath), ownerPath);
        Assert.DoesNotContain(_app.DataFolder, JsonSerializer.Serialize(asBob));
    }

    [Fact]
    public async Task The_same_idempotency_key_of_two_principals_makes_two_jobs()
    {
        using var bob = _app.ClientOf(KeyedApplication.BobKey);
        using var carol = _app.ClientOf(KeyedApplication.CarolKey);
        var first = await PostOnceAsync(bob);
        var second = await PostOnceAsync(carol);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task A_job_stored_without_an_owner_is_the_local_principals_seen_only_by_admins_when_keys_are_on()
    {
        using var bob = _app.ClientOf(KeyedApplication.BobKey);
        using var alice = _app.ClientOf(KeyedApplication.AliceKey);
        _ = _app.Client();
        var commands = _app.Services.GetRequiredService<JobCommands>();
        var legacy = await commands.CreateAsync(JobRequest.ForTopic("before owners"), "legacy", CancellationToken.None);
        Assert.Null(legacy.Owner);

        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/api/jobs/{legacy.JobId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync($"/api/jobs/{legacy.JobId}")).StatusCode);
    }

    private static async Task<string> PostOnceAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/jobs") { Content = ApiCalls.Json("{\"brief\":{\"topic\":\"once\"}}") };
        request.Headers.Add("Idempotency-Key", "same-key-1");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await ApiCalls.BodyOf(response)).GetProperty("jobId").GetString()!;
    }
}
