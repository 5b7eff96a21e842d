using Aura.Core.Kernel;
using Aura.Core.Jobs;
using Microsoft.Extensions.Time.Testing;

namespace Aura.Tests.Jobs;

/// <summary>Jobs:StallWarning warns a quiet job (it keeps running); Jobs:MaxDuration bounds a whole run (E305). On a fake clock.</summary>
public sealed class StallWatchdogTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 16, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_quiet_job_gets_a_warning_event_and_keeps_running()
    {
        var time = new FakeTimeProvider(Start);
        var orchestrator = new FakeOrchestrator().HoldBefore(JobStage.Voice);
        using var app = new AuraApplication { Orchestrator = orchestrator, Time = time,
            Settings = { ["Jobs:StallWarning"] = "00:02:00", ["Jobs:StallTimeout"] = "00:05:00" } };
        using var client = app.Client();
        var jobId = await client.CreateJobAsync();
        await using var stream = await SseSession.OpenAsync(client, $"/api/jobs/{jobId}/events");
        await orchestrator.Started;
        await WaitForAsync(client, jobId, j => j.GetProperty("stage").GetString() == "Script" && j.GetProperty("percent").GetInt32() > 0);

        time.Advance(TimeSpan.FromSeconds(121));

        var warning = (await stream.ReadUntilAsync(e => e.EventType == "warning")).Last();
        Assert.Contains("No progress", warning.Get("message"));
        var job = await client.GetJobAsync(jobId);
        Assert.Equal("Running", job.GetProperty("status").GetString());

        orchestrator.Release(JobStage.Voice);
        Assert.Equal("Succeeded", (await client.WaitForEndAsync(jobId)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_run_longer_than_the_maximum_duration_fails_E305()
    {
        var time = new FakeTimeProvider(Start);
        var orchestrator = new FakeOrchestrator().HoldBefore(JobStage.Voice);
        using var app = new AuraApplication { Orchestrator = orchestrator, Time = time,
            Settings = { ["Jobs:MaxDuration"] = "00:10:00", ["Jobs:StallTimeout"] = "1.00:00:00", ["Jobs:StallWarning"] = "1.00:00:00" } };
        using var client = app.Client();
        var jobId = await client.CreateJobAsync();
        await orchestrator.Started;
        await WaitForAsync(client, jobId, j => j.GetProperty("status").GetString() == "Running");

        time.Advance(TimeSpan.FromMinutes(11));

        var ended = await client.WaitForEndAsync(jobId);
        Assert.Equal("Failed", ended.GetProperty("status").GetString());
        Assert.Equal(ErrorCodes.JobStalled, ended.GetProperty("failure").GetProperty("code").GetString());
        Assert.Contains("Jobs:MaxDuration", ended.GetProperty("failure").GetProperty("message").GetString());
    }

    private static async Task WaitForAsync(HttpClient client, string jobId, Func<System.Text.Json.JsonElement, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition(await client.GetJobAsync(jobId)))
        {
            Assert.True(DateTime.UtcNow < deadline, "the job did not reach the expected state");
            await Task.Delay(20);
        }
    }
}
