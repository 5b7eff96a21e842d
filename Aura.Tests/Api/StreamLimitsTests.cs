using System.Net;
using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Aura.Tests.Api;

public sealed class StreamLimitsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_open_stream_gauge_returns_to_zero_when_clients_leave()
    {
        var orchestrator = new FakeOrchestrator().HoldBefore(JobStage.Voice);
        using var app = new AuraApplication { Orchestrator = orchestrator };
        var client = app.Client();
        var jobId = await client.CreateJobAsync();
        var sessions = new List<SseSession>();
        for (var i = 0; i < 3; i++)
        {
            var session = await SseSession.OpenAsync(client, $"/api/jobs/{jobId}/events");
            await session.NextAsync();
            sessions.Add(session);
        }
        await using (var all = await SseSession.OpenAsync(client, "/api/jobs/events"))
        {
            await all.NextAsync();
            Assert.Equal(4, app.Streams.OpenStreams);
        }

        foreach (var session in sessions)
            await session.DisposeAsync();

        await Eventually.TrueAsync(() => app.Streams.OpenStreams == 0, because: "every stream loop should end when its client leaves");
        orchestrator.Release(JobStage.Voice);
    }

    [Fact]
    public async Task A_client_over_its_stream_limit_gets_429_with_retry_after()
    {
        var orchestrator = new FakeOrchestrator().HoldBefore(JobStage.Voice);
        using var app = new AuraApplication { Orchestrator = orchestrator, Settings = { ["Sse:MaxStreamsPerPrincipal"] = "2" } };
        var client = app.Client();
        var jobId = await client.CreateJobAsync();
        await using var one = await SseSession.OpenAsync(client, $"/api/jobs/{jobId}/events");
        await using var two = await SseSession.OpenAsync(client, "/api/jobs/events");

        using var three = await client.GetAsync($"/api/jobs/{jobId}/events", HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.TooManyRequests, three.StatusCode);
        Assert.Equal("E429-TOO_MANY_STREAMS", (await ApiCalls.BodyOf(three)).GetProperty("code").GetString());
        Assert.NotNull(three.Headers.RetryAfter);
        orchestrator.Release(JobStage.Voice);
    }

    [Fact]
    public async Task A_keepalive_comment_is_written_after_the_keepalive_interval_of_silence_and_not_before()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 16, 0, 0, TimeSpan.Zero));
        var orchestrator = new FakeOrchestrator().HoldBefore(JobStage.Script);
        using var app = new AuraApplication { Orchestrator = orchestrator, Time = time };
        var client = app.Client();
        var jobId = await client.CreateJobAsync();
        await orchestrator.Started;
        using var response = await client.GetAsync($"/api/jobs/{jobId}/events", HttpCompletionOption.ResponseHeadersRead);
        var lines = new RawLines(await response.Content.ReadAsStreamAsync());
        await lines.WaitForAsync(l => l.StartsWith("id: "), Patience);
        lines.Seen.Clear();
        var silentSince = time.GetUtcNow();

        // The clock moves a second at a time, with a short look after each step; a keep-alive written early
        // carries the earlier time. The look only gives such a bug its chance to show: on a slow machine the
        // check is weaker, never wrong. At ten seconds of silence the keep-alive is due, however long it takes.
        string? keepAlive = null;
        for (var second = 1; second <= 10 && keepAlive is null; second++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            keepAlive = await lines.WaitForAsync(IsKeepAlive, TimeSpan.FromMilliseconds(150));
        }
        keepAlive ??= await lines.WaitForAsync(IsKeepAlive, Patience);

        Assert.NotNull(keepAlive);
        Assert.Matches(@"^: keepalive: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", keepAlive);
        var writtenAt = DateTimeOffset.Parse(keepAlive[": keepalive: ".Length..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(writtenAt - silentSince >= TimeSpan.FromSeconds(10), $"keep-alive came after only {writtenAt - silentSince} of silence");
        Assert.DoesNotContain(lines.Seen, l => l.StartsWith("event: ") || l.StartsWith(": keepalive"));
        orchestrator.Release(JobStage.Script);
    }

    private static bool IsKeepAlive(string line) => line.StartsWith(": keepalive: ");

    /// <summary>The raw lines of a stream (comments included, which an SSE parser drops), read in the background.</summary>
    private sealed class RawLines
    {
        private readonly System.Threading.Channels.Channel<string> _lines = System.Threading.Channels.Channel.CreateUnbounded<string>();

        public RawLines(Stream stream) => _ = Task.Run(async () =>
        {
            using var reader = new StreamReader(stream);
            while (await reader.ReadLineAsync() is { } line)
                await _lines.Writer.WriteAsync(line);
        });

        public List<string> Seen { get; } = [];

        public async Task<string?> WaitForAsync(Func<string, bool> match, TimeSpan timeout)
        {
            using var cancel = new CancellationTokenSource(timeout);
            try
            {
                while (true)
                {
                    var line = await _lines.Reader.ReadAsync(cancel.Token);
                    if (match(line))
                        return line;
                    Seen.Add(line);
                }
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }
    }
}
