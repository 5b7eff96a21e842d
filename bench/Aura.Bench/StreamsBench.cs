using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Aura.Bench;

/// <summary>
/// Streams, the service against the floor (bench/Aura.Floor), measured one after the other in one run
/// with the same raw-socket client: idle per-job and all-jobs streams (open time, VmRSS delta per
/// stream, server CPU while idle), and fan-out latency (change → receipt) to many subscribers of one job.
/// </summary>
public sealed class StreamsBench(string apiFolder, string floorFolder, GatedEspeak espeak, BenchSize size)
{
    private ServiceInstance _aura = null!;
    private ServiceInstance _floor = null!;

    /// <summary>Changes per fan-out: the scenes of a 10-minute job but its last (after it the job leaves Voice).</summary>
    public const int Changes = 7;

    /// <summary>A job of 8 scenes (10 minutes), tiny render: it waits in Voice for the bench's tokens.</summary>
    public static readonly object GatedJob = new
    {
        brief = new { topic = "How event streams deliver progress" },
        planSpec = new { targetDuration = "00:10:00" },
        renderSpec = new { res = new { width = 160, height = 90 }, fps = 1 },
    };

    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    public static string[] AuraSettings(GatedEspeak espeak) =>
    [
        "--Sse:MaxStreamsPerPrincipal", "100000", "--Sse:MaxStreams", "1000000",
        "--Tts:EspeakPath", espeak.Path,
    ];

    public async Task<StreamFigures> RunAsync()
    {
        // Fresh instances for each idle measure: a server GC keeps the heap an earlier phase grew, which
        // would hide the next phase's growth from the VmRSS delta.
        var perJob = await WithFreshInstancesAsync(async () => new Pair<IdleSide>(
            await IdleAsync(_aura, $"/api/jobs/{await HeldJobAsync()}/events"),
            await IdleAsync(_floor, "/api/jobs/idle/events")));
        var allJobs = await WithFreshInstancesAsync(async () =>
        {
            await HeldJobAsync(); // the all-jobs stream's first event: the one job there is
            return new Pair<IdleSide>(await IdleAsync(_aura, "/api/jobs/events"), await IdleAsync(_floor, "/api/jobs/events"));
        });
        return await WithFreshInstancesAsync(async () =>
        {
            var fan1000 = new Pair<FanoutSide>(await AuraFanoutAsync(size.ManySubscribers), await FloorFanoutAsync(size.ManySubscribers));
            var fan100 = new Pair<FanoutSide>(await AuraFanoutAsync(size.FewSubscribers), await FloorFanoutAsync(size.FewSubscribers));
            return new StreamFigures(perJob, allJobs, fan1000, fan100);
        });
    }

    private async Task<T> WithFreshInstancesAsync<T>(Func<Task<T>> measure)
    {
        await using var auraInstance = await ServiceInstance.StartAsync(apiFolder, "streams", AuraSettings(espeak));
        await using var floorInstance = await ServiceInstance.StartFloorAsync(floorFolder, "floor");
        (_aura, _floor) = (auraInstance, floorInstance);
        return await measure();
    }

    /// <summary>A job held Running in Voice: its streams stay open and idle.</summary>
    private async Task<string> HeldJobAsync()
    {
        Progress.Say("streams: a job to hold in Voice");
        var jobId = await JobClient.CreateAsync(_aura, "/api/jobs", GatedJob);
        await WaitForVoiceAsync(jobId);
        return jobId;
    }

    private async Task<IdleSide> IdleAsync(ServiceInstance server, string path)
    {
        // Warm up (code tiered, pools grown) with a few hundred streams, so the baseline is the server's
        // steady state and not its start-up.
        Progress.Say($"streams: {server.Name} {path}: warm-up");
        var warm = new RawStreamSet(server.EndPoint, path);
        await warm.OpenAsync(Math.Min(200, size.IdleStreams));
        await warm.CloseAllAsync();
        await WaitForOpenStreamsAsync(server, 0);
        await Task.Delay(TimeSpan.FromSeconds(2));

        Progress.Say($"streams: {server.Name} {path}: {size.IdleStreams} idle streams");
        var before = ProcessMeter.ResidentKb(server.ProcessId);
        var streams = new RawStreamSet(server.EndPoint, path);
        var openTime = await streams.OpenAsync(size.IdleStreams);
        var firstBatchBytes = streams.BodyBytes / (double)size.IdleStreams;
        var healthOpen = await WaitForOpenStreamsAsync(server, size.IdleStreams);
        await Task.Delay(Settle);
        var cpuBefore = ProcessMeter.CpuTime(server.ProcessId);
        var clock = Stopwatch.StartNew();
        await Task.Delay(Window);
        var cpu = ProcessMeter.CpuTime(server.ProcessId) - cpuBefore;
        var window = clock.Elapsed;
        var after = ProcessMeter.ResidentKb(server.ProcessId);
        await streams.CloseAllAsync();
        await WaitForOpenStreamsAsync(server, 0);
        return new IdleSide(size.IdleStreams, openTime, before, after, cpu, window, healthOpen, firstBatchBytes);
    }

    private async Task<FanoutSide> AuraFanoutAsync(int subscribers)
    {
        var jobId = await JobClient.CreateAsync(_aura, "/api/jobs", GatedJob);
        await WaitForVoiceAsync(jobId);
        var side = await FanoutAsync(_aura, $"/api/jobs/{jobId}/events", subscribers, _ =>
        {
            espeak.Release(jobId);
            return Task.CompletedTask;
        });
        // The job has one scene left to speak; it is not needed any more, and its worker is.
        using var cancel = await _aura.Client.PostAsync($"/api/jobs/{jobId}/cancel", null);
        cancel.EnsureSuccessStatusCode();
        return side;
    }

    private Task<FanoutSide> FloorFanoutAsync(int subscribers) =>
        FanoutAsync(_floor, "/api/jobs/fan/events", subscribers, async change =>
        {
            using var response = await _floor.Client.PostAsync($"/api/jobs/fan/change?percent={change * 12.5}", null);
            response.EnsureSuccessStatusCode();
        });

    /// <summary>
    /// Opens <paramref name="subscribers"/> streams on one job, then makes <see cref="Changes"/> changes one
    /// at a time, each once every subscriber heard of the last; latency = receipt − the event's <c>timestamp</c>.
    /// </summary>
    private static async Task<FanoutSide> FanoutAsync(ServiceInstance server, string path, int subscribers, Func<int, Task> change)
    {
        Progress.Say($"streams: {server.Name} {path}: fan-out to {subscribers}");
        var latencies = new ConcurrentBag<double>();
        long since = long.MaxValue; // UTC ticks; events before it (the first batch) are not samples
        var streams = new RawStreamSet(server.EndPoint, path, evt =>
        {
            if (evt.Name != "step-progress" || ServerTime(evt.Data) is not { } at || at.UtcTicks < Interlocked.Read(ref since))
                return;
            latencies.Add((evt.ReceivedAt - at).TotalMilliseconds);
        });
        await streams.OpenAsync(subscribers);
        await WaitForOpenStreamsAsync(server, subscribers);
        await Task.Delay(Settle);
        Interlocked.Exchange(ref since, DateTimeOffset.UtcNow.UtcTicks);
        for (var i = 1; i <= Changes; i++)
        {
            await change(i);
            var deadline = Stopwatch.StartNew();
            while (latencies.Count < subscribers * i && deadline.Elapsed < TimeSpan.FromSeconds(60))
                await Task.Delay(10);
            if (latencies.Count < subscribers * i)
                Progress.Say($"  change {i}: only {latencies.Count} of {subscribers * i} receipts within 60 s");
            await Task.Delay(200); // the next change starts from quiet
        }
        await streams.CloseAllAsync();
        await WaitForOpenStreamsAsync(server, 0);
        return new FanoutSide(subscribers, Changes, [.. latencies]);
    }

    private static DateTimeOffset? ServerTime(string json)
    {
        const string Key = "\"timestamp\":\"";
        var start = json.IndexOf(Key, StringComparison.Ordinal);
        if (start < 0)
            return null;
        start += Key.Length;
        var end = json.IndexOf('"', start);
        return DateTimeOffset.TryParse(json.AsSpan(start, end - start), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
    }

    public static async Task<int> OpenStreamsAsync(ServiceInstance server)
    {
        var health = await server.Client.GetFromJsonAsync<JsonElement>("/health");
        return health.GetProperty("streams").GetProperty("open").GetInt32();
    }

    /// <summary>Waits (up to 60 s) for /health to count <paramref name="expected"/> open streams; returns the last count seen.</summary>
    public static async Task<int> WaitForOpenStreamsAsync(ServiceInstance server, int expected)
    {
        var deadline = Stopwatch.StartNew();
        int open;
        while ((open = await OpenStreamsAsync(server)) != expected && deadline.Elapsed < TimeSpan.FromSeconds(60))
            await Task.Delay(50);
        return open;
    }

    private async Task WaitForVoiceAsync(string jobId)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var job = await JobClient.GetJobAsync(_aura, jobId);
            var status = job.GetProperty("status").GetString();
            if (job.GetProperty("stage").GetString() == "Voice" && status == "Running")
                return;
            if (status is "Succeeded" or "Failed" or "Canceled" || deadline.Elapsed > TimeSpan.FromSeconds(60))
                throw new InvalidOperationException($"job {jobId} did not wait in Voice: it is {status} at {job.GetProperty("stage")}");
            await Task.Delay(50);
        }
    }
}
