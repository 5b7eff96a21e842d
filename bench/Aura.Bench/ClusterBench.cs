using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.Versioning;

namespace Aura.Bench;

/// <summary>
/// Part 5: the cluster. The same load through (a) one node on Redis (API and two workers) and (b) two
/// API-only nodes and one worker-only node with two workers, sharing one data folder, each setup on a
/// fresh redis-server of its own. The load: <see cref="Jobs"/> throughput-sized jobs (the fast stand-in
/// FFmpeg, silent narration) POSTed to node A and followed on node B, on the all-jobs stream (open before
/// the first POST) and on each job's own stream (opened right after its POST). In setup (a) A = B.
/// Latency is receipt time minus the event's own time, as in part 3; a job is lost when either stream
/// of node B never saw it end.
/// </summary>
public static class ClusterBench
{
    public const int Jobs = 20;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);
    private static readonly string[] Terminal = ["Succeeded", "Failed", "Canceled"];

    [SupportedOSPlatform("linux")]
    public static async Task<(ClusterFigures One, ClusterFigures Two)> RunAsync(string apiFolder)
    {
        using var ffmpeg = await FastFFmpeg.CreateAsync();
        string[] pipeline = ["--FFmpeg:Path", ffmpeg.Path, "--FFmpeg:ProbePath", "/usr/bin/ffprobe", "--Tts:EspeakPath", "/nonexistent/espeak-ng",
            "--Jobs:QueueCapacity", "100000", "--Limits:JobCreationBurst", "100000",
            // One client holds the all-jobs stream and every job's stream at once: more than the default 20 per principal.
            "--Sse:MaxStreamsPerPrincipal", "1000"];

        ClusterFigures one;
        using (var redis = await BenchRedis.StartAsync())
        {
            Progress.Say($"cluster: one node on Redis, {Jobs} jobs");
            await using var node = await ServiceInstance.StartAsync(apiFolder, "cluster-one", [.. OnRedis(redis), .. pipeline, "--Jobs:Workers", "2"]);
            one = await RunLoadAsync("1 node (API + 2 workers)", node, node);
        }

        using (var redis = await BenchRedis.StartAsync())
        {
            Progress.Say($"cluster: two API nodes and one worker node on Redis, {Jobs} jobs");
            var shared = Directory.CreateTempSubdirectory("aura-bench-cluster-shared-").FullName;
            try
            {
                // Given after ServiceInstance's own folders, so these win: one data and logs folder for all three.
                string[] cluster = [.. OnRedis(redis), .. pipeline,
                    "--Storage:DataFolder", Path.Combine(shared, "data"), "--Jobs:LogsFolder", Path.Combine(shared, "logs")];
                await using var a = await ServiceInstance.StartAsync(apiFolder, "cluster-api-a", [.. cluster, "--Jobs:Workers", "0"]);
                await using var b = await ServiceInstance.StartAsync(apiFolder, "cluster-api-b", [.. cluster, "--Jobs:Workers", "0"]);
                await using var worker = await ServiceInstance.StartAsync(apiFolder, "cluster-worker", [.. cluster, "--Api:Enabled", "false", "--Jobs:Workers", "2"]);
                return (one, await RunLoadAsync("2 API nodes + 1 worker node (2 workers)", a, b));
            }
            finally
            {
                Directory.Delete(shared, recursive: true);
            }
        }
    }

    private static string[] OnRedis(BenchRedis redis) => ["--Storage:Provider", "Redis", "--Redis:Configuration", redis.Configuration];

    private static async Task<ClusterFigures> RunLoadAsync(string setup, ServiceInstance a, ServiceInstance b)
    {
        using var patience = new CancellationTokenSource(Patience);
        using var allSeen = CancellationTokenSource.CreateLinkedTokenSource(patience.Token);
        var ended = new ConcurrentDictionary<string, string>();
        // Every change on the all-jobs stream comes after this moment (the first POST follows), so all of them count.
        var allRequested = DateTimeOffset.UtcNow;
        var allJobs = EventFollower.FollowAsync(b.StreamClient, "/api/jobs/events", evt =>
        {
            if (evt.Name == "job-update" && evt.Data.GetProperty("status").GetString() is { } status && Terminal.Contains(status))
                ended[evt.Data.GetProperty("jobId").GetString()!] = status;
            return false;
        }, allSeen.Token);

        var clock = Stopwatch.StartNew();
        var ids = new List<string>();
        var perJob = new List<Task<FollowedJob>>();
        for (var i = 0; i < Jobs; i++)
        {
            var id = await JobClient.CreateAsync(a, "/api/jobs", ThroughputBench.FastJob);
            ids.Add(id);
            perJob.Add(FollowJobAsync(b, id, clock, patience.Token));
        }
        var followed = await Task.WhenAll(perJob);
        while (ids.Any(id => !ended.ContainsKey(id)) && !patience.IsCancellationRequested)
            await Task.Delay(20);
        var wall = clock.Elapsed;
        await allSeen.CancelAsync();
        var (_, allEvents) = await allJobs;

        var succeeded = 0;
        foreach (var id in ids)
            if ((await JobClient.GetJobAsync(a, id)).GetProperty("status").GetString() == "Succeeded")
                succeeded++;
        var lost = ids.Count(id => !ended.ContainsKey(id) || followed.Single(j => j.JobId == id).Terminal is null);
        return new ClusterFigures(setup, Jobs, succeeded, lost, wall, allEvents, allRequested, followed);
    }

    private static async Task<FollowedJob> FollowJobAsync(ServiceInstance b, string jobId, Stopwatch clock, CancellationToken cancel)
    {
        var (opened, events) = await EventFollower.FollowAsync(b.StreamClient, $"/api/jobs/{jobId}/events",
            evt => JobClient.TerminalEvents.Contains(evt.Name), cancel);
        return new FollowedJob(jobId, opened, events, clock.Elapsed);
    }
}
