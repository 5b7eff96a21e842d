namespace Aura.Bench;

/// <summary>One cluster setup's run: the jobs made on node A, what node B's streams received, and how fast.</summary>
public sealed record ClusterFigures(
    string Setup, int Jobs, int Succeeded, int Lost, TimeSpan Wall,
    IReadOnlyList<ReceivedEvent> AllJobsEvents, DateTimeOffset AllJobsRequested, IReadOnlyList<FollowedJob> PerJob)
{
    public int Failed => Jobs - Succeeded - Lost;

    public int EventsReceived => AllJobsEvents.Count + PerJob.Sum(j => j.Events.Count);

    public double EventsPerSecond => EventsReceived / Wall.TotalSeconds;

    /// <summary>All-jobs stream: asked for before the first job was made, so every update on it is live.</summary>
    public IReadOnlyList<double> AllJobsLatenciesMs { get; } = Latencies(AllJobsEvents.Where(e => e.ServerTime >= AllJobsRequested));

    /// <summary>Per-job streams: opened just after each POST; their replayed first batch is left out.</summary>
    public IReadOnlyList<double> PerJobLatenciesMs { get; } = Latencies(PerJob.SelectMany(j => j.LiveEvents));

    private static List<double> Latencies(IEnumerable<ReceivedEvent> events) =>
        events.Where(e => e.Latency is not null).Select(e => e.Latency!.Value.TotalMilliseconds).ToList();
}
