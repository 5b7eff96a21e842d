using System.Net;
using System.Text.Json;
using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Core.Pipeline;
using Aura.Tests.Support;

namespace Aura.Tests.Api;

/// <summary>
/// The service with its data folder (SQLite file and job files) on a real 3 MB tmpfs: a full disk
/// fails the job as E306 instead of leaving it Running, refuses new jobs with 507 while reads go on,
/// shows in /health, and is over without a restart once space comes back.
/// </summary>
public sealed class SmallDiskTests
{
    [SmallDiskFact]
    public async Task A_full_disk_fails_the_job_E306_refuses_new_jobs_with_507_and_the_service_recovers_when_space_returns()
    {
        using var disk = SmallDisk.Mount(megabytes: 3);
        var orchestrator = new DiskFillingOrchestrator();
        using var app = new AuraApplication
        {
            Store = null,
            Orchestrator = orchestrator,
            Settings = { ["Storage:DataFolder"] = disk.Path, ["Health:MinFreeDiskMegabytes"] = "1" },
        };
        var client = app.Client();

        // A stage fills the disk with its output: the job fails, and says why.
        var filling = await client.CreateJobAsync();
        var failed = await client.WaitForEndAsync(filling);
        // Now the disk is full for everyone.
        disk.Fill();
        var (refused, problem) = await client.PostJobAsync("""{ "brief": { "topic": "Tides" } }""");
        using var demo = await client.PostAsync("/api/quick/demo", null);
        using var list = await client.GetAsync("/api/jobs");
        using var get = await client.GetAsync($"/api/jobs/{filling}");
        await using (var stream = await SseSession.OpenAsync(client, $"/api/jobs/{filling}/events"))
            Assert.Contains(await stream.ReadToEndAsync(), e => e.EventType == "job-failed");
        var unhealthy = await client.GetHealthAsync();
        // Space comes back: no restart needed.
        disk.Free();
        var afterwards = await client.CreateJobAsync();
        var succeeded = await client.WaitForEndAsync(afterwards);
        var healthy = await client.GetHealthAsync();

        Assert.Equal("Failed", failed.GetProperty("status").GetString());
        Assert.Equal(ErrorCodes.DiskFull, failed.GetProperty("failure").GetProperty("code").GetString());
        Assert.Contains("Storage:DataFolder", failed.GetProperty("failure").GetProperty("remediation").GetString());
        Assert.Equal(HttpStatusCode.InsufficientStorage, refused.StatusCode);
        Assert.Equal(ErrorCodes.DiskFull, problem.GetProperty("code").GetString());
        Assert.Contains("Storage:DataFolder", problem.GetProperty("remediation").GetString());
        Assert.Equal(HttpStatusCode.InsufficientStorage, demo.StatusCode);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (list.StatusCode, get.StatusCode));
        Assert.Equal("Unhealthy", unhealthy.GetProperty("status").GetString());
        var full = unhealthy.GetProperty("disk");
        Assert.False(full.GetProperty("ready").GetBoolean());
        Assert.Contains("disk is full", full.GetProperty("problem").GetString());
        Assert.Equal(JsonValueKind.Object, full.GetProperty("lastStoreWriteFull").ValueKind);
        Assert.Equal("Succeeded", succeeded.GetProperty("status").GetString());
        Assert.True(healthy.GetProperty("disk").GetProperty("ready").GetBoolean(), healthy.GetProperty("disk").ToString());
    }

    [SmallDiskFact]
    public async Task The_real_pipeline_on_a_nearly_full_disk_fails_E306_and_the_failure_is_kept_once_there_is_room()
    {
        using var disk = SmallDisk.Mount(megabytes: 3);
        using var app = AuraApplication.AsShipped();
        app.Settings["Storage:DataFolder"] = disk.Path;
        var client = app.Client();

        // Room for the job to be created, not for it to run: its next writes find the disk full.
        disk.Fill(leaveBytes: 64 * 1024);
        var jobId = await client.CreateJobAsync();
        await WaitUntilAsync(async () => (await client.GetHealthAsync()).GetProperty("disk").GetProperty("lastStoreWriteFull").ValueKind == JsonValueKind.Object
            || (await client.GetJobAsync(jobId)).GetProperty("status").GetString() == "Failed");
        disk.Fill();
        var whileFull = await client.GetJobAsync(jobId);
        var (refused, _) = await client.PostJobAsync("""{ "brief": { "topic": "Tides" } }""");
        disk.Free();
        var failed = await WaitForStatusAsync(client, jobId, "Failed");
        var (created, _) = await client.PostJobAsync("""{ "brief": { "topic": "Tides" } }""");

        Assert.Contains(whileFull.GetProperty("status").GetString(), new[] { "Running", "Failed" });
        Assert.Equal(HttpStatusCode.InsufficientStorage, refused.StatusCode);
        Assert.Equal(ErrorCodes.DiskFull, failed.GetProperty("failure").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the full disk was not noticed");
            await Task.Delay(50);
        }
    }

    /// <summary>Polls, rather than following the stream: the end may wait for the runner's next try to write it.</summary>
    private static async Task<JsonElement> WaitForStatusAsync(HttpClient client, string jobId, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var job = await client.GetJobAsync(jobId);
            if (job.GetProperty("status").GetString() == status)
                return job;
            Assert.True(DateTime.UtcNow < deadline, $"the job is still {job.GetProperty("status").GetString()}, not {status}");
            await Task.Delay(100);
        }
    }

    /// <summary>A pipeline whose first run writes one output until the disk is full, as a render of a big video would; later runs write nothing.</summary>
    private sealed class DiskFillingOrchestrator : IVideoOrchestrator
    {
        private int _runs;

        public async Task RunAsync(JobContext job, IJobProgress progress, CancellationToken cancellationToken)
        {
            await progress.EnterStageAsync(JobStage.Script, "Writing");
            if (Interlocked.Increment(ref _runs) > 1)
                return;
            await using var output = File.Create(Path.Combine(job.WorkFolder, "video.mp4"));
            var chunk = new byte[64 * 1024];
            while (true)
            {
                await output.WriteAsync(chunk, cancellationToken);
                await output.FlushAsync(cancellationToken);
            }
        }
    }
}
