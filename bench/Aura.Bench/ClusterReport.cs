using System.Globalization;

namespace Aura.Bench;

/// <summary>The cluster part's table: the two setups side by side, invariant culture like the other parts.</summary>
public static class ClusterReport
{
    public static void Print(ClusterFigures one, ClusterFigures two)
    {
        Console.WriteLine($"5. Cluster on Redis: {ClusterBench.Jobs} fast jobs POSTed to node A, followed on node B's all-jobs stream and per-job streams (one node: A = B)");
        Row("setup", "ok/lost/failed", "wall s", "events", "events/s", "all-jobs p50/p99 ms", "per-job p50/p99 ms");
        foreach (var f in new[] { one, two })
            Row(f.Setup, $"{I(f.Succeeded)}/{I(f.Lost)}/{I(f.Failed)}", F(f.Wall.TotalSeconds, 2), I(f.EventsReceived), F(f.EventsPerSecond, 0),
                Pair(f.AllJobsLatenciesMs), Pair(f.PerJobLatenciesMs));
        Console.WriteLine("   (latency = receipt - the event's timestamp/updatedAt; per-job streams leave out their replayed first batch)");
        Console.WriteLine();
    }

    private static string Pair(IReadOnlyList<double> ms) =>
        $"{F(Stats.Median(ms), 1)} / {F(Stats.Percentile(ms, 99), 1)} (n={I(ms.Count)})";

    private static void Row(params string[] cells) =>
        Console.WriteLine("   " + cells[0].PadRight(42) + string.Concat(cells.Skip(1).Select(c => c.PadLeft(24))));

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string F(double value, int decimals) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
