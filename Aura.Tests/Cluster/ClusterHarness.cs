using System.Net.ServerSentEvents;
using Aura.Tests.Restarts;
using Aura.Tests.Support;

namespace Aura.Tests.Cluster;

/// <summary>
/// Several nodes of the built service as real processes on one Redis child and one shared data and logs
/// folder, as on several machines with a shared file system: API-only nodes (<c>Jobs:Workers=0</c>) and
/// worker-only nodes (<c>Api:Enabled=false</c>, one worker each). Leases are short so a killed worker's job
/// is taken up soon. Disposing kills every node and whatever still names the test's folder (FFmpeg).
/// </summary>
internal sealed class ClusterHarness : IAsyncDisposable
{
    private readonly TempFolder _folder = new();
    private readonly List<ServiceProcess> _nodes = [];
    private RedisServer _redis = null!;

    public string DataFolder => _folder.Combine("data");

    public string LogsFolder => _folder.Combine("logs");

    public List<ServiceProcess> Workers { get; } = [];

    public static async Task<ClusterHarness> StartAsync()
    {
        var cluster = new ClusterHarness { _redis = await RedisServer.StartAsync() };
        return cluster;
    }

    public Task<ServiceProcess> StartApiNodeAsync() => StartNodeAsync("--Jobs:Workers", "0");

    public async Task<ServiceProcess> StartWorkerAsync()
    {
        var worker = await StartNodeAsync("--Api:Enabled", "false", "--Jobs:Workers", "1");
        Workers.Add(worker);
        return worker;
    }

    private async Task<ServiceProcess> StartNodeAsync(params string[] role)
    {
        var node = await ServiceProcess.StartAsync(DataFolder, LogsFolder,
        [
            "--Storage:Provider", "Redis", "--Redis:Configuration", _redis.Configuration,
            "--Jobs:LeaseTimeout", "00:00:03", "--Jobs:MaxAttempts", "2", .. role,
        ]);
        _nodes.Add(node);
        return node;
    }

    public string WorkFolderOf(string jobId) => Path.Combine(DataFolder, "jobs", jobId);

    /// <summary>Creates a job long enough to render for a while; returns its id.</summary>
    public static async Task<string> CreateRenderAsync(HttpClient client)
    {
        var (response, job) = await client.PostJobAsync(RestartHarness.Body);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        return job.GetProperty("jobId").GetString()!;
    }

    /// <summary>Waits until the job's video is being encoded; returns the encoding FFmpeg's pid and the worker that runs it.</summary>
    public async Task<(int FFmpeg, ServiceProcess Worker)> RenderingAsync(string jobId)
    {
        var videoPrefix = Path.Combine(WorkFolderOf(jobId), "video.");
        (int, ServiceProcess)? found = null;
        await Eventually.TrueAsync(() =>
        {
            // A worker runs in a process group of its own (setsid), and its FFmpeg with it.
            found = ProcessTable.Mentioning(videoPrefix)
                .Select(pid => (Pid: pid, Owner: Workers.FirstOrDefault(w => !w.HasExited && ProcessGroupOf(pid) == w.Pid)))
                .Where(p => p.Owner is not null)
                .Select(p => ((int, ServiceProcess)?)(p.Pid, p.Owner!))
                .FirstOrDefault();
            return found is not null;
        }, TimeSpan.FromSeconds(120), $"no worker's FFmpeg encodes the video of job {jobId}");
        return found!.Value;
    }

    /// <summary>Follows the job on <paramref name="client"/> until its video is being encoded; returns what the client saw.</summary>
    public static async Task<List<SseItem<string>>> FollowUntilRenderingAsync(HttpClient client, string jobId)
    {
        await using var stream = await SseSession.OpenAsync(client, $"/api/jobs/{jobId}/events");
        return await stream.ReadUntilAsync(e => e.EventType == "step-progress" && e.Get("step") == "Rendering" && e.EventId is not null);
    }

    private static int ProcessGroupOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the command's closing parenthesis: state, ppid, pgrp, …
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
            node.Dispose();
        await _redis.DisposeAsync();
        ProcessTable.KillAllMentioning(_folder.Path);
        _folder.Dispose();
    }
}
