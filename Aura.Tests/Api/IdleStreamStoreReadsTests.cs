using Aura.Core.Kernel;
using Aura.Core.Storage;
using Aura.Tests.Support;

namespace Aura.Tests.Api;

/// <summary>
/// A stream whose job has not changed does not read it: its poll (the safety net for a lost change
/// signal) asks the store only for a version number, and the stream still hears of the next change.
/// </summary>
public sealed class IdleStreamStoreReadsTests
{
    private const int Polls = 10;

    [Fact]
    public async Task An_idle_per_job_stream_polls_the_version_only_and_still_follows_the_job_to_its_end()
    {
        var store = new CountingJobStore(new InMemoryJobStore());
        var orchestrator = new FakeOrchestrator().HoldBefore(JobStage.Script);
        using var app = new AuraApplication { Store = store, Orchestrator = orchestrator, Settings = { ["Sse:PollInterval"] = "00:00:00.020" } };
        var client = app.Client();
        var jobId = await client.CreateJobAsync();
        await using var stream = await SseSession.OpenAsync(client, $"/api/jobs/{jobId}/events");
        await stream.ReadUntilAsync(i => i.EventId is not null);
        await orchestrator.Started; // held before Script: the job changes no more until released

        // A few polls first, so the changes made before the hold (Queued to Running) are behind the stream.
        await Eventually.TrueAsync(() => store.VersionReads >= 3, TimeSpan.FromSeconds(60), "the idle stream polls the job's version");
        var reads = store.JobReads;
        var versions = store.VersionReads;
        await Eventually.TrueAsync(() => store.VersionReads >= versions + Polls, TimeSpan.FromSeconds(60), "the idle stream polls the job's version");
        Assert.Equal(reads, store.JobReads);

        orchestrator.Release(JobStage.Script);
        var rest = await stream.ReadToEndAsync();
        Assert.Equal("job-completed", rest[^1].EventType);
    }

    [Fact]
    public async Task An_idle_all_jobs_stream_polls_the_last_number_only_and_still_hears_of_the_next_job()
    {
        var store = new CountingJobStore(new InMemoryJobStore());
        var orchestrator = new FakeOrchestrator().HoldBefore(JobStage.Script);
        using var app = new AuraApplication { Store = store, Orchestrator = orchestrator, Settings = { ["Sse:PollInterval"] = "00:00:00.020" } };
        var client = app.Client();
        var first = await client.CreateJobAsync();
        await orchestrator.Started;
        await using var stream = await SseSession.OpenAsync(client, "/api/jobs/events");
        await stream.ReadUntilAsync(i => i.Get("jobId") == first);

        var settled = store.LastVersionReads + 3;
        await Eventually.TrueAsync(() => store.LastVersionReads >= settled, TimeSpan.FromSeconds(60), "the idle stream polls the last number issued");
        var listings = store.Listings;
        var lastNumbers = store.LastVersionReads;
        await Eventually.TrueAsync(() => store.LastVersionReads >= lastNumbers + Polls, TimeSpan.FromSeconds(60), "the idle stream polls the last number issued");
        Assert.Equal(listings, store.Listings);

        var second = await client.CreateJobAsync();
        var update = await stream.ReadUntilAsync(i => i.Get("jobId") == second);
        Assert.Equal("job-update", update[^1].EventType);
    }
}
