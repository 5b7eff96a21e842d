using System.Diagnostics;
using System.Net.Http.Json;
using System.Runtime.Versioning;
using System.Text.Json;

namespace Aura.Bench;

/// <summary>What the service process used while <see cref="Streams"/> streams sat idle for the window.</summary>
public sealed record IdleLevel(int Streams, int HealthOpen, long ResidentKb, int Threads, TimeSpan Cpu, TimeSpan Window)
{
    public double CpuPercent => Cpu / Window * 100;
}

public sealed record IdleFigures(IReadOnlyList<IdleLevel> Levels, int OpenAfterClose, TimeSpan CloseTime, long ResidentKbAfterClose)
{
    /// <summary>KB of resident memory per open stream: the slope of RSS over the number of streams.</summary>
    public double KbPerStream => Stats.Slope(Levels.Select(l => ((double)l.Streams, (double)l.ResidentKb)).ToList());

    /// <summary>Microseconds of CPU per stream per second of idling: the slope of CPU time over streams × seconds.</summary>
    public double CpuMicrosecondsPerStreamSecond =>
        Stats.Slope(Levels.Select(l => ((double)l.Streams, l.Cpu.TotalMicroseconds / l.Window.TotalSeconds)).ToList());

    /// <summary>
    /// The same two figures between the last two levels only: the first streams also pay one-time costs
    /// (code tiered up, pools and threads grown), so this is closer to what one more stream costs.
    /// </summary>
    public (double Kb, double CpuMicroseconds) MarginalPerStream
    {
        get
        {
            var (low, high) = (Levels[^2], Levels[^1]);
            double streams = high.Streams - low.Streams;
            return ((high.ResidentKb - low.ResidentKb) / streams,
                (high.Cpu.TotalMicroseconds / high.Window.TotalSeconds - low.Cpu.TotalMicroseconds / low.Window.TotalSeconds) / streams);
        }
    }

    public bool HealthAgreed => Levels.All(l => l.HealthOpen == l.Streams) && OpenAfterClose == 0;
}

/// <summary>
/// Part 2: the cost of idle open streams. Per-job streams on a job held in the Voice stage (a stand-in
/// espeak-ng that waits, so no CPU is spent on the job itself) while the service is otherwise idle.
/// </summary>
public static class IdleStreamsBench
{
    public static readonly int[] StreamCounts = [0, 100, 400];
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Wait after the streams are open before the window starts: growing by a few hundred streams costs
    /// about 1 s of CPU over the next 2 s (tiered JIT, thread pool, GC), which is not idling.
    /// </summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);

    [SupportedOSPlatform("linux")]
    public static async Task<IdleFigures> RunAsync(string apiFolder)
    {
        using var espeak = WaitingEspeak.Create();
        await using var service = await ServiceInstance.StartAsync(apiFolder, "idle",
            "--Sse:MaxStreamsPerPrincipal", "1000", "--Tts:EspeakPath", espeak.Path);
        var jobId = await JobClient.CreateAsync(service, "/api/jobs", JobClient.SmallJob);
        await WaitForStageAsync(service, jobId, "Voice");

        await using var streams = new IdleStreams(service, $"/api/jobs/{jobId}/events");
        var levels = new List<IdleLevel>();
        foreach (var count in StreamCounts)
        {
            await streams.GrowToAsync(count);
            await WaitForOpenStreamsAsync(service, count);
            await Task.Delay(Settle);
            levels.Add(await MeasureIdleAsync(service, count));
        }

        var closing = Stopwatch.StartNew();
        await streams.CloseAllAsync();
        var openAfterClose = await WaitForOpenStreamsAsync(service, 0);
        var closeTime = closing.Elapsed;
        await Task.Delay(Settle); // whether the memory goes back, or the GC keeps the heap it grew
        return new IdleFigures(levels, openAfterClose, closeTime, ProcessMeter.ResidentKb(service.ProcessId));
    }

    private static async Task<IdleLevel> MeasureIdleAsync(ServiceInstance service, int count)
    {
        var cpuBefore = ProcessMeter.CpuTime(service.ProcessId);
        var clock = Stopwatch.StartNew();
        await Task.Delay(Window);
        var cpu = ProcessMeter.CpuTime(service.ProcessId) - cpuBefore;
        var window = clock.Elapsed;
        var resident = ProcessMeter.ResidentKb(service.ProcessId);
        var threads = ProcessMeter.Threads(service.ProcessId);
        var open = await OpenStreamsAsync(service); // read after the window, so the window stays quiet
        return new IdleLevel(count, open, resident, threads, cpu, window);
    }

    private static async Task<int> OpenStreamsAsync(ServiceInstance service)
    {
        var health = await service.Client.GetFromJsonAsync<JsonElement>("/health");
        return health.GetProperty("streams").GetProperty("open").GetInt32();
    }

    /// <summary>Waits (up to 10 s) for /health to count <paramref name="expected"/> open streams; returns the last count seen.</summary>
    private static async Task<int> WaitForOpenStreamsAsync(ServiceInstance service, int expected)
    {
        var deadline = Stopwatch.StartNew();
        int open;
        while ((open = await OpenStreamsAsync(service)) != expected && deadline.Elapsed < TimeSpan.FromSeconds(10))
            await Task.Delay(50);
        return open;
    }

    private static async Task WaitForStageAsync(ServiceInstance service, string jobId, string stage)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var job = await JobClient.GetJobAsync(service, jobId);
            var status = job.GetProperty("status").GetString();
            if (job.GetProperty("stage").GetString() == stage && status == "Running")
                return;
            if (status is "Succeeded" or "Failed" or "Canceled" || deadline.Elapsed > TimeSpan.FromSeconds(20))
                throw new InvalidOperationException($"job {jobId} did not wait in {stage}: it is {status} at {job.GetProperty("stage")}");
            await Task.Delay(50);
        }
    }
}
