using Aura.Core.Kernel;
using Aura.Core.Storage;
using Aura.Tests.Support;

namespace Aura.Tests.Api;

/// <summary>
/// Many subscribers of one job share its reads: a change wakes every stream, but the job is read once per
/// version for all of them (not once per stream), and each still gets every event, in order, to the end.
/// </summary>
public sealed class SharedStreamReadsTests
{
    private const int Subscribers = 40;

    [Fact]
    public async Task Subscribers_of_one_job_share_one_read_per_change_and_each_follows_it_to_the_end()
    {
        var store = new CountingJobStore(new InMemoryJobStore());
        var orchestrator = new FakeOrchestrator().HoldBefore(JobStage.Script);
        using var app = new AuraApplication { Store = store, Orchestrator = orchestrator, Settings = { ["Sse:MaxStreamsPerPrincipal"] = "100" } };
        var client = app.Client();
        var jobId = await client.CreateJobAsync();
        await orchestrator.Started; // held before Script: the job changes no more until released
        var streams = new List<SseSession>();
        try
        {
            for (var i = 0; i < Subscribers; i++)
            {
                var stream = await SseSession.OpenAsync(client, $"/api/jobs/{jobId}/events");
                streams.Add(stream);
                await stream.ReadUntilAsync(item => item.EventId is not null);
            }
            var readsBefore = store.JobReads;

            orchestrator.Release(JobStage.Script);
            var ends = await Task.WhenAll(streams.Select(s => s.ReadToEndAsync()));

            var end = await store.GetAsync(jobId, CancellationToken.None);
            Assert.All(ends, events =>
            {
                Assert.Equal("job-completed", events[^1].EventType);
                var ids = events.Where(i => i.EventId is not null).Select(i => long.Parse(i.EventId!)).ToList();
                Assert.Equal(ids.Order(), ids);
                Assert.Equal(end!.Version, ids[^1]);
            });
            // Each stream woke at least once for the changes after the hold: reading for itself, the job would be read
            // at least once per subscriber. Shared, it is read about once per version that woke them.
            Assert.True(store.JobReads - readsBefore < Subscribers,
                $"{store.JobReads - readsBefore} job reads for {Subscribers} subscribers over {end!.Version} versions");
        }
        finally
        {
            foreach (var stream in streams)
                await stream.DisposeAsync();
        }
    }
    [Fact]
    public async Task Opening_many_streams_of_an_idle_job_reads_it_about_once_and_each_gets_the_whole_state()
    {
        var store = new CountingJobStore(new InMemoryJobStore());
        var orchestrator = new FakeOrchestrator().HoldBefore(JobStage.Script);
        using var app = new AuraApplication { Store = store, Orchestrator = orchestrator, Settings = { ["Sse:MaxStreamsPerPrincipal"] = "100" } };
        var client = app.Client();
        var jobId = await client.CreateJobAsync();
        await orchestrator.Started;
        var version = (await store.GetAsync(jobId, CancellationToken.None))!.Version;
        var readsBefore = store.JobReads;
        var streams = new List<SseSession>();
        try
        {
            // One after the other, so that no two opens overlap: each open's check and first read can share only
            // because the job did not change between them, not because they happened at once.
            for (var i = 0; i < Subscribers; i++)
            {
                var stream = await SseSession.OpenAsync(client, $"/api/jobs/{jobId}/events");
                streams.Add(stream);
                var first = await stream.ReadUntilAsync(item => item.EventId is not null);
                Assert.Equal(version.ToString(System.Globalization.CultureInfo.InvariantCulture), first[^1].EventId);
            }

            // Checked and read for itself, each open would read the job at least twice.
            Assert.True(store.JobReads - readsBefore < Subscribers / 2, $"{store.JobReads - readsBefore} job reads for {Subscribers} opens");
            orchestrator.Release(JobStage.Script);
            var ends = await Task.WhenAll(streams.Select(s => s.ReadToEndAsync()));
            Assert.All(ends, events => Assert.Equal("job-completed", events[^1].EventType));
        }
        finally
        {
            foreach (var stream in streams)
                await stream.DisposeAsync();
        }
    }
}
