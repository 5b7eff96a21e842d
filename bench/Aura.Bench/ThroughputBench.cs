using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Aura.Bench;

/// <summary>Many jobs at once, followed on one all-jobs stream: how many ended, how, and how fast.</summary>
public sealed record ThroughputFigures(int Jobs, int Succeeded, int Failed, int Lost, TimeSpan Wall, long StreamEvents, long ServerEventsSent)
{
    public double JobsPerSecond => Jobs / Wall.TotalSeconds;

    public double StreamEventsPerSecond => StreamEvents / Wall.TotalSeconds;
}

/// <summary>
/// Part 2: throughput. <see cref="BenchSize.ThroughputJobs"/> jobs POSTed at once to an instance with a
/// fast fake pipeline (the smallest render the API takes, 160x90 at 1 fps for 5 s; silent narration:
/// espeak-ng is pointed at nothing, so the Voice stage writes silence; FFmpeg is <see cref="FastFFmpeg"/>,
/// ffprobe the real one) and the default two workers; one raw all-jobs stream follows them. Every job must reach a terminal status on
/// the stream (else it is lost) and be Succeeded when read back.
/// </summary>
public static class ThroughputBench
{
    public static readonly object FastJob = new
    {
        brief = new { topic = "Throughput" },
        planSpec = new { targetDuration = "00:00:05" },
        renderSpec = new { res = new { width = 160, height = 90 }, fps = 1 },
    };

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);

    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public static async Task<ThroughputFigures> RunAsync(string apiFolder, int jobs)
    {
        using var ffmpeg = await FastFFmpeg.CreateAsync();
        await using var service = await ServiceInstance.StartAsync(apiFolder, "throughput",
            "--FFmpeg:Path", ffmpeg.Path, "--FFmpeg:ProbePath", "/usr/bin/ffprobe",
            "--Tts:EspeakPath", "/nonexistent/espeak-ng", "--Jobs:QueueCapacity", "100000", "--Limits:JobCreationBurst", "100000");
        var ended = new ConcurrentDictionary<string, string>();
        long events = 0;
        var stream = new RawStreamSet(service.EndPoint, "/api/jobs/events", evt =>
        {
            Interlocked.Increment(ref events);
            if (evt.Name != "job-update")
                return;
            using var job = JsonDocument.Parse(evt.Data);
            var status = job.RootElement.GetProperty("status").GetString()!;
            if (status is "Succeeded" or "Failed" or "Canceled")
                ended[job.RootElement.GetProperty("jobId").GetString()!] = status;
        });
        // The stream of an empty service has no first event to wait for: open it after the first job.
        Progress.Say($"throughput: {jobs} jobs");
        var clock = Stopwatch.StartNew();
        var ids = new List<string> { await JobClient.CreateAsync(service, "/api/jobs", FastJob) };
        await stream.OpenAsync(1);
        for (var i = 1; i < jobs; i++)
            ids.Add(await JobClient.CreateAsync(service, "/api/jobs", FastJob));
        while (ids.Any(id => !ended.ContainsKey(id)) && clock.Elapsed < Patience)
            await Task.Delay(50);
        var wall = clock.Elapsed;
        await stream.CloseAllAsync();

        var succeeded = 0;
        foreach (var id in ids)
        {
            var job = await JobClient.GetJobAsync(service, id);
            if (job.GetProperty("status").GetString() == "Succeeded")
                succeeded++;
        }
        var health = await service.Client.GetFromJsonAsync<JsonElement>("/health");
        var sent = health.GetProperty("streams").GetProperty("eventsSent").GetInt64();
        var lost = ids.Count(id => !ended.ContainsKey(id));
        return new ThroughputFigures(jobs, succeeded, jobs - succeeded - lost, lost, wall, Interlocked.Read(ref events), sent);
    }
}
