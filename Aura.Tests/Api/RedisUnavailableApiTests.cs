using System.Net;
using System.Text.Json;
using Aura.Core.Kernel;
using Aura.Tests.Support;

namespace Aura.Tests.Api;

/// <summary>The real service on Redis (Storage:Provider=Redis) while its Redis goes away and comes back.</summary>
public sealed class RedisUnavailableApiTests
{
    private const string Create = """{ "brief": { "topic": "Tides" } }""";

    [Fact]
    public async Task While_redis_is_down_requests_answer_503_E503_with_retry_after_health_is_not_ready_and_all_recovers_when_it_is_back()
    {
        await using var redis = await RedisServer.StartDurableAsync();
        using var app = OnRedis(redis);
        var client = app.Client();
        var earlier = await client.CreateJobAsync();
        await client.WaitForEndAsync(earlier);
        var up = await client.GetHealthAsync();

        await redis.StopAsync();
        var (created, problem) = await client.PostJobAsync(Create);
        using var read = await client.GetAsync($"/api/jobs/{earlier}");
        var down = await client.GetHealthAsync();
        await redis.RestartAsync();
        var back = await WhenAnsweredAsync(client, $"/api/jobs/{earlier}");
        var again = await client.CreateJobAsync();

        Assert.True(up.GetProperty("redis").GetProperty("ready").GetBoolean());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, created.StatusCode);
        Assert.Equal("application/problem+json", created.Content.Headers.ContentType!.MediaType);
        Assert.Equal(ErrorCodes.StoreUnavailable, problem.GetProperty("code").GetString());
        Assert.Equal(TimeSpan.FromSeconds(5), created.Headers.RetryAfter!.Delta);
        Assert.DoesNotContain("127.0.0.1", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, read.StatusCode);
        Assert.Equal("Unhealthy", down.GetProperty("status").GetString());
        Assert.False(down.GetProperty("redis").GetProperty("ready").GetBoolean());
        Assert.False(down.GetProperty("store").GetProperty("ready").GetBoolean());
        Assert.Equal("Succeeded", back.GetProperty("status").GetString());
        Assert.Equal("Succeeded", (await client.WaitForEndAsync(again)).GetProperty("status").GetString());
        Assert.True((await client.GetHealthAsync()).GetProperty("redis").GetProperty("ready").GetBoolean());
    }

    [Fact]
    public async Task The_service_starts_while_redis_is_down_reports_not_ready_and_runs_jobs_once_redis_is_up()
    {
        await using var redis = await RedisServer.StartDurableAsync();
        await redis.StopAsync();
        using var app = OnRedis(redis);
        var client = app.Client();

        using var live = await client.GetAsync("/healthz");
        var down = await client.GetHealthAsync();
        await redis.RestartAsync();
        await WhenAnsweredAsync(client, "/api/jobs");
        var job = await client.CreateJobAsync();

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.False(down.GetProperty("redis").GetProperty("ready").GetBoolean());
        Assert.Equal("Succeeded", (await client.WaitForEndAsync(job)).GetProperty("status").GetString());
    }

    private static AuraApplication OnRedis(RedisServer redis) => new()
    {
        Store = null,
        Settings =
        {
            ["Storage:Provider"] = "Redis",
            ["Redis:Configuration"] = redis.Configuration,
            ["Redis:KeyPrefix"] = RedisFixture.NewPrefix(),
        },
    };

    /// <summary>GETs <paramref name="path"/> until it answers 200 (the client reconnects by itself), for up to 60 s.</summary>
    private static async Task<JsonElement> WhenAnsweredAsync(HttpClient client, string path)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var response = await client.GetAsync(path);
            if (response.StatusCode == HttpStatusCode.OK)
                return await ApiCalls.BodyOf(response);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.True(DateTime.UtcNow < deadline, $"{path} still answers 503 60 s after Redis came back");
            await Task.Delay(100);
        }
    }
}
