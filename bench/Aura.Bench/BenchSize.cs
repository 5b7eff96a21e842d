namespace Aura.Bench;

/// <summary>How big a run is: the sizes by default, smaller with <c>--quick</c> or <c>--streams N</c>.</summary>
public sealed record BenchSize(int IdleStreams, int ManySubscribers, int FewSubscribers, int ThroughputJobs)
{
    public static readonly BenchSize Full = new(10_000, 1_000, 100, 200);

    public static readonly BenchSize Quick = new(1_000, 200, 50, 40);
}
