namespace Aura.Tests.Api;

/// <summary>The "Event stream closed" log line counts the streams that remain open, not the one that closed.</summary>
public sealed class StreamClosedLogTests
{
    [Fact]
    public async Task A_job_stream_that_closes_beside_one_other_open_stream_logs_one_stream_open()
    {
        using var app = new AuraApplication();
        var client = app.Client();
        var jobId = await client.CreateJobAsync();
        await using var other = await SseSession.OpenAsync(client, "/api/jobs/events");
        await using (var stream = await SseSession.OpenAsync(client, $"/api/jobs/{jobId}/events"))
            await stream.ReadToEndAsync();

        string? closed = null;
        await Eventually.TrueAsync(() =>
        {
            closed = LogFiles.Lines(app.LogsFolder)
                .FirstOrDefault(l => l.Contains($"Event stream closed for job {jobId}:", StringComparison.Ordinal));
            return closed is not null;
        }, because: "the job's stream closing was not logged");

        // The all-jobs stream is still open (this test holds it); the job's own stream is gone.
        Assert.Contains("; 1 streams open", closed, StringComparison.Ordinal);
    }
}
