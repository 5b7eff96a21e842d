using System.Net;
using Aura.Tests.Support;

namespace Aura.Tests.Cluster;

/// <summary>On Redis, the open-stream limits hold across nodes: two API nodes count one principal's streams together.</summary>
public sealed class SharedStreamLimitTests
{
    [Fact]
    public async Task A_principal_at_its_stream_limit_on_one_node_is_refused_on_another_and_admitted_once_a_stream_closes()
    {
        await using var redis = await RedisServer.StartAsync();
        var prefix = RedisFixture.NewPrefix();
        using var nodeA = Node(redis, prefix);
        using var nodeB = Node(redis, prefix);
        var a = nodeA.Client();
        var b = nodeB.Client();

        var one = await SseSession.OpenAsync(a, "/api/jobs/events");
        await using var two = await SseSession.OpenAsync(a, "/api/jobs/events");
        using var refused = await b.GetAsync("/api/jobs/events", HttpCompletionOption.ResponseHeadersRead);
        // Read the body only of a refusal: an admitted stream's body never ends.
        var problem = refused.StatusCode == HttpStatusCode.TooManyRequests ? await ApiCalls.BodyOf(refused) : default;
        await one.DisposeAsync();
        // The closed stream's place is given back once node A sees its client gone.
        var admitted = HttpStatusCode.TooManyRequests;
        for (var deadline = DateTime.UtcNow.AddSeconds(60); admitted != HttpStatusCode.OK && DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            using var attempt = await b.GetAsync("/api/jobs/events", HttpCompletionOption.ResponseHeadersRead);
            admitted = attempt.StatusCode;
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("E429-TOO_MANY_STREAMS", problem.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, admitted);
    }

    private static AuraApplication Node(RedisServer redis, string prefix) => new()
    {
        Store = null,
        Settings =
        {
            ["Storage:Provider"] = "Redis",
            ["Redis:Configuration"] = redis.Configuration,
            ["Redis:KeyPrefix"] = prefix,
            ["Sse:MaxStreamsPerPrincipal"] = "2",
        },
    };
}
