using Aura.Core.Kernel;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Aura.Core.Jobs;
using Aura.Core.Storage;

namespace Aura.Tests.Security;

/// <summary>The rate limiter's limits (streams per principal and in all, job creation per principal) and the write timeout.</summary>
public sealed class LimitsTests
{
    [Fact]
    public async Task Streams_are_limited_per_principal_with_429_and_Retry_After()
    {
        using var app = KeyedApplication.Create(a => a.Settings["Sse:MaxStreamsPerPrincipal"] = "2");
        using var bob = app.ClientOf(KeyedApplication.BobKey);
        using var carol = app.ClientOf(KeyedApplication.CarolKey);
        await using var one = await SseSession.OpenAsync(bob, "/api/jobs/events");
        await using var two = await SseSession.OpenAsync(bob, "/api/jobs/events");

        using var three = await bob.GetAsync("/api/jobs/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.TooManyRequests, three.StatusCode);
        Assert.Equal("E429-TOO_MANY_STREAMS", (await ApiCalls.BodyOf(three)).GetProperty("code").GetString());
        Assert.NotNull(three.Headers.RetryAfter);

        await using var carols = await SseSession.OpenAsync(carol, "/api/jobs/events");
        Assert.Equal(HttpStatusCode.OK, carols.Response.StatusCode);
        Assert.Equal(1, app.Streams.StreamsRefused);
    }

    [Fact]
    public async Task Streams_are_limited_in_all()
    {
        using var app = KeyedApplication.Create(a => a.Settings["Sse:MaxStreams"] = "2");
        using var bob = app.ClientOf(KeyedApplication.BobKey);
        using var carol = app.ClientOf(KeyedApplication.CarolKey);
        using var alice = app.ClientOf(KeyedApplication.AliceKey);
        await using var one = await SseSession.OpenAsync(bob, "/api/jobs/events");
        await using var two = await SseSession.OpenAsync(carol, "/api/jobs/events");

        using var three = await alice.GetAsync("/api/jobs/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.TooManyRequests, three.StatusCode);
        Assert.Equal("E429-TOO_MANY_STREAMS", (await ApiCalls.BodyOf(three)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Job_creation_is_a_token_bucket_per_principal()
    {
        using var app = KeyedApplication.Create(a =>
        {
            a.Settings["Limits:JobCreationBurst"] = "2";
            a.Settings["Limits:JobCreationRefill"] = "01:00:00";
        });
        using var bob = app.ClientOf(KeyedApplication.BobKey);
        using var carol = app.ClientOf(KeyedApplication.CarolKey);
        await bob.CreateJobAsync();
        Assert.Equal(HttpStatusCode.Accepted, (await bob.PostAsync("/api/quick/demo", null)).StatusCode);

        using var third = await bob.PostAsync("/api/quick/demo", null);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal("E429-TOO_MANY_REQUESTS", (await ApiCalls.BodyOf(third)).GetProperty("code").GetString());
        Assert.True(third.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After should say how long to wait");
        Assert.Equal(HttpStatusCode.OK, (await bob.GetAsync("/api/jobs")).StatusCode);

        await carol.CreateJobAsync();
    }

    [Fact]
    public async Task A_reader_that_never_reads_is_cut_off_after_the_write_timeout()
    {
        // Enough state that the whole-state stream fills every buffer between the service and a client that does not read.
        var store = new InMemoryJobStore();
        var topic = new string('x', 16 * 1024);
        for (var i = 0; i < 600; i++)
        {
            var job = JobStateMachine.NewJob($"job{i:D4}", "c", JobRequest.ForTopic(topic), DateTimeOffset.UtcNow)
                with { Status = JobStatus.Canceled, CompletedAt = DateTimeOffset.UtcNow };
            await store.SaveAsync(job, 0, CancellationToken.None);
        }
        using var app = new AuraApplication { Store = store, Settings = { ["Sse:WriteTimeout"] = "00:00:01" } };
        var root = app.RootUri;

        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 1024 };
        await socket.ConnectAsync(IPAddress.Loopback, root.Port);
        await socket.SendAsync(Encoding.ASCII.GetBytes($"GET /api/jobs/events HTTP/1.1\r\nHost: 127.0.0.1:{root.Port}\r\n\r\n"));

        await Eventually.TrueAsync(() => app.Streams.WriteTimeouts == 1 || app.Streams.StreamsClosed > 0, TimeSpan.FromSeconds(60), "the stalled write was never timed out");
        Assert.True(app.Streams.WriteTimeouts == 1, $"open {app.Streams.OpenStreams} opened {app.Streams.StreamsOpened} closed {app.Streams.StreamsClosed} events {app.Streams.EventsSent}");
        await Eventually.TrueAsync(() => app.Streams.OpenStreams == 0, because: "the stalled stream should be closed");
        Assert.Equal(1, app.Streams.StreamsOpened);
    }
    [Fact]
    public async Task A_reader_that_keeps_reading_is_never_cut_however_many_write_timeouts_pass()
    {
        // Only a write that waits is timed, and its timer is disarmed when it completes: a timer left armed (or one
        // armed from the stream's first write) would cut this stream two seconds later.
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 11, 0, 0, TimeSpan.Zero));
        var orchestrator = new FakeOrchestrator().HoldBefore(JobStage.Script);
        using var app = new AuraApplication { Orchestrator = orchestrator, Time = time, Settings = { ["Sse:WriteTimeout"] = "00:00:02" } };
        var client = app.Client();
        var jobId = await client.CreateJobAsync();
        await orchestrator.Started;
        await using var stream = await SseSession.OpenAsync(client, $"/api/jobs/{jobId}/events");
        await stream.ReadUntilAsync(item => item.EventId is not null);

        // Thirty seconds of keep-alives, fifteen write timeouts.
        for (var second = 0; second < 30; second++)
            time.Advance(TimeSpan.FromSeconds(1));
        orchestrator.Release(JobStage.Script);
        var events = await stream.ReadToEndAsync();

        Assert.Equal("job-completed", events[^1].EventType);
        Assert.Equal(0, app.Streams.WriteTimeouts);
    }
}
