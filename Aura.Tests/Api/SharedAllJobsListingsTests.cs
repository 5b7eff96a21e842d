using Aura.Core.Kernel;
using Aura.Core.Storage;
using Aura.Tests.Support;

namespace Aura.Tests.Api;

/// <summary>
/// All-jobs streams at the same place share their listings: opening many, and waking them all with a change,
/// lists the store about once per moment (not once per stream), and each stream still gets the job and the
/// change.
/// </summary>
public sealed class SharedAllJobsListingsTests
{
    private const int Subscribers = 30;

    [Fact]
    public async Task All_jobs_streams_opened_on_an_idle_store_and_woken_by_one_change_share_their_listings()
    {
        var store = new CountingJobStore(new InMemoryJobStore());
        var orchestrator = new FakeOrchestrator().HoldBefore(JobStage.Script);
        using var app = new AuraApplication { Store = store, Orchestrator = orchestrator, Settings = { ["Sse:MaxStreamsPerPrincipal"] = "100" } };
        var client = app.Client();
        var jobId = await client.CreateJobAsync();
        await orchestrator.Started;
        var held = (await store.GetAsync(jobId, CancellationToken.None))!;
        var listingsBefore = store.Listings;
        var streams = new List<SseSession>();
        try
        {
            // One after the other: the opens share a listing because the store did not change between them.
            for (var i = 0; i < Subscribers; i++)
            {
                var stream = await SseSession.OpenAsync(client, "/api/jobs/events");
                streams.Add(stream);
                var first = await stream.ReadUntilAsync(item => item.EventId == held.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
                Assert.Equal(jobId, first[^1].Get("jobId"));
            }
            Assert.True(store.Listings - listingsBefore < Subscribers / 2, $"{store.Listings - listingsBefore} listings for {Subscribers} opens");

            // One change (the job canceled) wakes every stream at the same place.
            listingsBefore = store.Listings;
            using (var cancel = await client.PostAsync($"/api/jobs/{jobId}/cancel", null))
                Assert.True(cancel.IsSuccessStatusCode, $"cancel answered {(int)cancel.StatusCode}");
            var end = await client.WaitForEndAsync(jobId);
            Assert.Equal("Canceled", end.GetProperty("status").GetString());
            var last = end.GetProperty("version").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
            var seen = await Task.WhenAll(streams.Select(s => s.ReadUntilAsync(item => item.EventId == last)));

            Assert.All(seen, events => Assert.Equal("Canceled", events[^1].Get("status")));
            // Listing for itself, each stream would list at least once when the change woke it.
            Assert.True(store.Listings - listingsBefore < Subscribers / 2, $"{store.Listings - listingsBefore} listings for {Subscribers} streams woken");
        }
        finally
        {
            foreach (var stream in streams)
                await stream.DisposeAsync();
        }
    }
}
