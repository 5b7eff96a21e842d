using System.Net;
using Aura.Tests.Support;

namespace Aura.Tests.Api;

public sealed class IdempotencyTests
{
    private static HttpRequestMessage Post(string key, string topic) => new(HttpMethod.Post, "/api/jobs")
    {
        Content = ApiCalls.Json($$"""{ "brief": { "topic": "{{topic}}" } }"""),
        Headers = { { "Idempotency-Key", key } },
    };

    [Fact]
    public async Task The_same_key_and_body_return_the_first_job_instead_of_making_a_second()
    {
        using var app = new AuraApplication();
        var client = app.Client();

        using var first = await client.SendAsync(Post("key-1", "tides"));
        using var again = await client.SendAsync(Post("key-1", "tides"));

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (first.StatusCode, again.StatusCode));
        Assert.Equal((await ApiCalls.BodyOf(first)).GetProperty("jobId").GetString(), (await ApiCalls.BodyOf(again)).GetProperty("jobId").GetString());
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(1, (await client.GetFromJsonAsync("/api/jobs")).GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task The_same_key_with_another_body_gets_422()
    {
        using var app = new AuraApplication();
        var client = app.Client();

        using var first = await client.SendAsync(Post("key-2", "tides"));
        using var other = await client.SendAsync(Post("key-2", "volcanoes"));
        var problem = await ApiCalls.BodyOf(other);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("E422-IDEMPOTENCY_KEY_REUSED", problem.GetProperty("code").GetString());
        Assert.Equal((await ApiCalls.BodyOf(first)).GetProperty("jobId").GetString(), problem.GetProperty("jobId").GetString());
    }

    [Fact]
    public async Task Concurrent_duplicates_make_exactly_one_job()
    {
        using var app = new AuraApplication();
        var client = app.Client();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.SendAsync(Post("key-3", "tides"))));
        var ids = new List<string?>();
        foreach (var response in responses.Where(r => r.StatusCode == HttpStatusCode.Accepted))
            ids.Add((await ApiCalls.BodyOf(response)).GetProperty("jobId").GetString());

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Accepted, HttpStatusCode.Conflict }));
        Assert.Single(ids.Distinct());
        Assert.Equal(1, (await client.GetFromJsonAsync("/api/jobs")).GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task A_malformed_key_gets_400()
    {
        using var app = new AuraApplication();
        using var response = await app.Client().SendAsync(Post(new string('k', 300), "tides"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ApiCalls.BodyOf(response)).GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
    }
}
