using Aura.Tests.Providers;
using Aura.Tests.Support;

namespace Aura.Tests.Restarts;

/// <summary>The built service stopped with SIGTERM while clients follow its jobs.</summary>
public sealed class ServiceStopTests : IDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(120);
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [UnixOnlyFact]
    public async Task A_stop_ends_every_open_stream_cleanly_and_the_process_exits()
    {
        // An espeak-ng that never finishes holds the only worker in the Voice stage, so the second job
        // stays queued: neither job ends, and nothing but the stop can end their streams.
        var espeak = FakeEspeak.Create(_folder, "exec sleep 600");
        // A shutdown timeout far beyond this test's waits: a stream held open until the host gives up
        // on it would keep the process alive long after the test has failed.
        using var service = await ServiceProcess.StartAsync(_folder.Combine("data"), _folder.Combine("logs"),
            "--Jobs:Workers", "1", "--Tts:EspeakPath", espeak, "--shutdownTimeoutSeconds", "3600");
        using var client = service.Client();
        var running = await client.CreateJobAsync("holds the worker");
        var queued = await client.CreateJobAsync("waits for the worker");
        await using var jobStream = await SseSession.OpenAsync(client, $"/api/jobs/{queued}/events");
        await using var allStream = await SseSession.OpenAsync(client, "/api/jobs/events");
        await jobStream.ReadUntilAsync(e => e.EventId is not null);
        await allStream.ReadUntilAsync(e => e.Get("jobId") == running && e.Get("stage") == "Voice");

        service.Signal(ProcessTable.SigTerm, wholeGroup: false);
        // Each read returns end-of-stream: the server finished the response; a process that died with
        // the stream open would make the read throw instead.
        var jobRest = await jobStream.ReadToEndAsync();
        var allRest = await allStream.ReadToEndAsync();

        Assert.True(await service.ExitedWithinAsync(Generous), "the service did not exit after SIGTERM");
        Assert.DoesNotContain(jobStream.Received, e => e.EventType is "job-completed" or "job-failed" or "job-cancelled" or "error");
        Assert.DoesNotContain(allRest, e => e.EventType == "error");
        Assert.All(jobRest, e => Assert.Equal(queued, e.Get("jobId")));
    }
}
