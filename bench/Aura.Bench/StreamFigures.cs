namespace Aura.Bench;

/// <summary>One server's idle streams: how long they took to open, and what holding them costs.</summary>
public sealed record IdleSide(int Streams, TimeSpan OpenTime, long ResidentKbBefore, long ResidentKbAfter, TimeSpan Cpu, TimeSpan Window,
    int HealthOpen, double FirstBatchBytes)
{
    public double KbPerStream => (ResidentKbAfter - ResidentKbBefore) / (double)Streams;

    public double CpuPercent => Cpu / Window * 100;
}

/// <summary>One server's fan-out: change → receipt latency over every subscriber and every change.</summary>
public sealed record FanoutSide(int Subscribers, int Changes, IReadOnlyList<double> LatenciesMs)
{
    public int Expected => Subscribers * Changes;

    public double P50 => Stats.Percentile(LatenciesMs, 50);

    public double P99 => Stats.Percentile(LatenciesMs, 99);
}

/// <summary>The same measure of the service and of the floor, from one run.</summary>
public sealed record Pair<T>(T Aura, T Floor);

public sealed record StreamFigures(
    Pair<IdleSide> PerJobIdle,
    Pair<IdleSide> AllJobsIdle,
    Pair<FanoutSide> Fanout1000,
    Pair<FanoutSide> Fanout100);
