using System.Globalization;
using System.Net.ServerSentEvents;
using Aura.Api.Contracts;
using Aura.Core.Storage;

namespace Aura.Tests.Api;

/// <summary>An ended job's history is compacted; a client resuming from a number it dropped still gets all it missed.</summary>
public sealed class CompactedHistoryResumeTests
{
    [Fact]
    public async Task A_client_resuming_an_ended_job_from_a_dropped_number_gets_every_event_it_missed()
    {
        var store = new RecordingJobStore(new InMemoryJobStore());
        using var app = new AuraApplication { Store = store };
        var client = app.Client();
        var jobId = await client.CreateJobAsync();
        await client.WaitForEndAsync(jobId);
        var states = store.SavedOf(jobId);
        // The client last saw the Script stage half way; compaction has since dropped that state.
        var seen = states.First(s => s.Message == "Script half way");
        var kept = await store.GetAsOfAsync(jobId, seen.Version, CancellationToken.None);
        Assert.True(kept!.Version < seen.Version, "the state the client saw was dropped from the history");

        await using var stream = await SseSession.OpenAsync(client, $"/api/jobs/{jobId}/events",
            seen.Version.ToString(CultureInfo.InvariantCulture));
        var sent = (await stream.ReadToEndAsync()).Select(Describe).ToList();

        var missed = JobDiff.Compute(seen, states[^1]).Select(Describe).ToList();
        Assert.Contains("step-status:Rendering:Succeeded", missed);
        Assert.Empty(missed.Except(sent));
        Assert.Equal("job-completed", sent[^1]);
    }

    private static string Describe(JobEvent e) => e switch
    {
        StepStatusEvent s => $"{e.Name}:{s.Step}:{s.Status}",
        StepProgressEvent p => $"{e.Name}:{p.ProgressPct}",
        ArtifactWrittenEvent a => $"{e.Name}:{a.Artifact.Name}",
        _ => e.Name,
    };

    private static string Describe(SseItem<string> e) => e.EventType switch
    {
        "step-status" => $"{e.EventType}:{e.Get("step")}:{e.Get("status")}",
        "step-progress" => $"{e.EventType}:{e.Get("progressPct")}",
        "artifact-written" => $"{e.EventType}:{e.Json().GetProperty("artifact").GetProperty("name").GetString()}",
        _ => e.EventType,
    };
}
