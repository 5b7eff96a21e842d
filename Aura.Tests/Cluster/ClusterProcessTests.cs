using System.Net;
using Aura.Tests.Restarts;
using Aura.Tests.Support;

namespace Aura.Tests.Cluster;

/// <summary>
/// The service as several machines run it: one Redis, two API-only nodes, two worker-only nodes, one shared
/// data folder, every node a real process. Workers are killed with SIGKILL, their FFmpeg with them, as when a
/// machine is lost.
/// </summary>
public sealed class ClusterProcessTests : IAsyncLifetime
{
    private static readonly string[] Stages = ["Script", "Voice", "Visuals", "Compose", "Rendering"];
    private ClusterHarness _cluster = null!;
    private ServiceProcess _nodeA = null!;
    private ServiceProcess _nodeB = null!;

    public async Task InitializeAsync()
    {
        _cluster = await ClusterHarness.StartAsync();
        _nodeA = await _cluster.StartApiNodeAsync();
        _nodeB = await _cluster.StartApiNodeAsync();
        await _cluster.StartWorkerAsync();
        await _cluster.StartWorkerAsync();
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_job_made_on_one_node_and_followed_on_another_survives_its_worker_and_a_client_resuming_elsewhere_misses_nothing()
    {
        using var a = _nodeA.Client();
        using var b = _nodeB.Client();
        var jobId = await ClusterHarness.CreateRenderAsync(a);

        var before = await ClusterHarness.FollowUntilRenderingAsync(b, jobId);
        var (ffmpeg, owner) = await _cluster.RenderingAsync(jobId);
        owner.Kill();
        await using var resumed = await SseSession.OpenAsync(a, $"/api/jobs/{jobId}/events", before.LastId());
        var after = await resumed.ReadToEndAsync();
        var job = await a.GetJobAsync(jobId);

        Assert.False(ProcessTable.IsAlive(ffmpeg));
        Assert.Equal(("Succeeded", 2), (job.GetProperty("status").GetString(), job.GetProperty("attempt").GetInt32()));
        var seen = before.Concat(after).ToList();
        Assert.Single(seen, e => e.EventType is "job-completed" or "job-failed" or "job-cancelled");
        Assert.Equal("job-completed", seen[^1].EventType);
        var ids = seen.Where(e => e.EventId is not null).Select(e => long.Parse(e.EventId!)).ToList();
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        // Every stage finished once, in order, across both attempts and both streams.
        var finished = seen.Where(e => e.EventType == "step-status" && e.Get("status") == "Succeeded" && Stages.Contains(e.Get("step")))
            .Select(e => e.Get("step")).ToList();
        Assert.Equal(Stages, finished);
        Assert.Contains(after, e => e.EventType == "artifact-written" && e.Json().GetProperty("artifact").GetProperty("name").GetString() == "video.mp4");
        Assert.Equal("", await RestartHarness.DecodeErrorsAsync(Path.Combine(_cluster.WorkFolderOf(jobId), "video.mp4")));
    }

    [Fact]
    public async Task A_job_whose_worker_dies_on_every_attempt_fails_as_interrupted_past_its_attempts()
    {
        using var a = _nodeA.Client();
        using var b = _nodeB.Client();
        var jobId = await ClusterHarness.CreateRenderAsync(a);

        var (_, first) = await _cluster.RenderingAsync(jobId);
        first.Kill();
        var (_, second) = await _cluster.RenderingAsync(jobId);
        var attempt = (await b.GetJobAsync(jobId)).GetProperty("attempt").GetInt32();
        second.Kill();
        // No worker is left: one that joins finds the dead worker's job past its attempts.
        await _cluster.StartWorkerAsync();
        var job = await b.WaitForEndAsync(jobId);

        Assert.Equal(2, attempt);
        Assert.Equal("Failed", job.GetProperty("status").GetString());
        Assert.Equal("E308-INTERRUPTED", job.GetProperty("failure").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_cancel_through_either_api_node_stops_the_render_on_whichever_worker_runs_it()
    {
        using var a = _nodeA.Client();
        using var b = _nodeB.Client();
        var first = await ClusterHarness.CreateRenderAsync(a);
        var second = await ClusterHarness.CreateRenderAsync(a);
        var one = await _cluster.RenderingAsync(first);
        var other = await _cluster.RenderingAsync(second);

        using var canceled = await b.PostAsync($"/api/jobs/{first}/cancel", null);
        using var canceledToo = await b.PostAsync($"/api/jobs/{second}/cancel", null);
        var firstJob = await a.WaitForEndAsync(first);
        var firstFFmpegAlive = ProcessTable.IsAlive(one.FFmpeg);
        var secondJob = await a.WaitForEndAsync(second);
        var secondFFmpegAlive = ProcessTable.IsAlive(other.FFmpeg);

        Assert.NotSame(one.Worker, other.Worker);
        Assert.Equal(HttpStatusCode.Accepted, canceled.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, canceledToo.StatusCode);
        // The owning worker stopped its run and wrote the end itself: by the time the job reads Canceled, its FFmpeg is gone.
        // (An API node that wrote Canceled for a run elsewhere would leave the render going, "canceled before it started".)
        Assert.Equal(("Canceled", "Canceled by request"), (firstJob.GetProperty("status").GetString(), firstJob.GetProperty("message").GetString()));
        Assert.Equal(("Canceled", "Canceled by request"), (secondJob.GetProperty("status").GetString(), secondJob.GetProperty("message").GetString()));
        Assert.False(firstFFmpegAlive, "the first job read Canceled while its FFmpeg still ran");
        Assert.False(secondFFmpegAlive, "the second job read Canceled while its FFmpeg still ran");
        Assert.False(one.Worker.HasExited || other.Worker.HasExited);
    }
}
