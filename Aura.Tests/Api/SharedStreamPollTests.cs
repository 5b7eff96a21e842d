using Aura.Core.Kernel;
using Aura.Core.Storage;
using Aura.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Aura.Tests.Api;

/// <summary>
/// The safety-net poll is one tick for the service: each poll interval the version of a job with open
/// streams is read once, however many streams follow it (not once per stream), and the streams still
/// follow the job to its end.
/// </summary>
public sealed class SharedStreamPollTests
{
    private const int Subscribers = 12;

    [Fact]
    public async Task Idle_streams_of_one_job_share_one_version_read_per_poll_interval()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
        var store = new CountingJobStore(new InMemoryJobStore());
        var orchestrator = new FakeOrchestrator().HoldBefore(JobStage.Script);
        using var app = new AuraApplication { Store = store, Orchestrator = orchestrator, Time = time, Settings = { ["Sse:PollInterval"] = "00:00:01" } };
        var client = app.Client();
        var jobId = await client.CreateJobAsync();
        await orchestrator.Started;
        var streams = new List<SseSession>();
        try
        {
            for (var i = 0; i < Subscribers; i++)
            {
                var stream = await SseSession.OpenAsync(client, $"/api/jobs/{jobId}/events");
                streams.Add(stream);
                await stream.ReadUntilAsync(item => item.EventId is not null);
            }
            var before = store.VersionReads;

            // Two poll intervals pass: polling for themselves, the streams would ask for the version twice each.
            time.Advance(TimeSpan.FromSeconds(1));
            await Eventually.TrueAsync(() => store.VersionReads >= before + 1, TimeSpan.FromSeconds(60), "the poll reads the job's version");
            time.Advance(TimeSpan.FromSeconds(1));
            await Eventually.TrueAsync(() => store.VersionReads >= before + 2, TimeSpan.FromSeconds(60), "the poll reads the job's version");

            orchestrator.Release(JobStage.Script);
            var ends = await Task.WhenAll(streams.Select(s => s.ReadToEndAsync()));

            Assert.All(ends, events => Assert.Equal("job-completed", events[^1].EventType));
            Assert.True(store.VersionReads - before < Subscribers, $"{store.VersionReads - before} version reads for {Subscribers} streams over two intervals");
        }
        finally
        {
            foreach (var stream in streams)
                await stream.DisposeAsync();
        }
    }
}
