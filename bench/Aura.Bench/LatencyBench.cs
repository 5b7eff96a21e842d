namespace Aura.Bench;

/// <summary>Latency figures of one stream mode over its jobs.</summary>
public sealed record LatencyFigures(string Mode, IReadOnlyList<FollowedJob> Jobs)
{
    public IReadOnlyList<double> LatenciesMs { get; } =
        Jobs.SelectMany(j => j.LiveEvents).Select(e => e.Latency!.Value.TotalMilliseconds).ToList();

    public double MedianMs => Stats.Median(LatenciesMs);

    public double P95Ms => Stats.Percentile(LatenciesMs, 95);

    public double EventsPerJob => Jobs.Count == 0 ? double.NaN : Jobs.Average(j => j.Events.Count);

    public double JobSeconds => Stats.Median(Jobs.Select(j => j.WallTime.TotalSeconds).ToList());

    public int Failed => Jobs.Count(j => !j.Succeeded);
}

/// <summary>
/// Part 1: event delivery latency, wake-on-change against pure polling. Two instances (the same poll
/// interval, one waking on change) run the same small jobs at the same time, so both see the same
/// machine load; latency is the client's receipt time minus the event's <c>timestamp</c> (the
/// server's time of the change, on the same clock).
/// </summary>
public static class LatencyBench
{
    public const int JobsPerMode = 5;
    public const string PollInterval = "00:00:01";

    public static async Task<(LatencyFigures Wake, LatencyFigures Polling)> RunAsync(string apiFolder, ServiceInstance wake)
    {
        await using var polling = await ServiceInstance.StartAsync(apiFolder, "polling",
            "--Sse:PollInterval", PollInterval, "--Sse:WakeOnChange", "false");
        var wakeJobs = RunJobsAsync(wake);
        var pollingJobs = RunJobsAsync(polling);
        await Task.WhenAll(wakeJobs, pollingJobs);
        return (new LatencyFigures("wake-on-change", await wakeJobs), new LatencyFigures("pure polling", await pollingJobs));
    }

    /// <summary>The arguments of the wake-on-change instance; it is started by the caller and reused for the quick demo.</summary>
    public static string[] WakeSettings => ["--Sse:PollInterval", PollInterval, "--Sse:WakeOnChange", "true"];

    private static async Task<IReadOnlyList<FollowedJob>> RunJobsAsync(ServiceInstance service)
    {
        var jobs = new List<FollowedJob>();
        for (var i = 0; i < JobsPerMode; i++)
            jobs.Add(await JobClient.RunAsync(service, "/api/jobs", JobClient.SmallJob));
        return jobs;
    }
}
