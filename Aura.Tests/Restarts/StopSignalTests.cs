using Aura.Tests.Support;

namespace Aura.Tests.Restarts;

/// <summary>
/// The service stopped by a signal mid-render, as Ctrl+C in a terminal (SIGINT to the whole process
/// group, FFmpeg included) or <c>kill</c> / systemd (SIGTERM) do: the job is interrupted, never failed,
/// and the next start resumes it, exactly as after a kill -9.
/// </summary>
public sealed class StopSignalTests : IDisposable
{
    private readonly RestartHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Theory]
    [InlineData(ProcessTable.SigInt, true)]
    [InlineData(ProcessTable.SigTerm, true)]
    [InlineData(ProcessTable.SigTerm, false)]
    public async Task A_job_running_when_the_service_is_stopped_resumes_at_the_next_start(int signal, bool wholeGroup)
    {
        string jobId;
        using (var first = await _harness.StartAsync())
        {
            using var client = first.Client();
            (jobId, _, _) = await _harness.StartRenderAsync(client);
            first.Signal(signal, wholeGroup);
            Assert.True(await first.ExitedWithinAsync(TimeSpan.FromSeconds(60)), "the service did not exit after the stop signal");
        }

        using var second = await _harness.StartAsync();
        using var again = second.Client();
        var job = await again.WaitForEndAsync(jobId);

        var failure = job.TryGetProperty("failure", out var f) && f.ValueKind == System.Text.Json.JsonValueKind.Object ? f.GetProperty("code").GetString() : null;
        Assert.Equal(("Succeeded", 2, (string?)null), (job.GetProperty("status").GetString(), job.GetProperty("attempt").GetInt32(), failure));
        Assert.Equal("", await RestartHarness.DecodeErrorsAsync(Path.Combine(_harness.WorkFolderOf(jobId), "video.mp4")));
        Assert.Empty(_harness.StrayOutputs(job));
    }
}
