using System.Diagnostics;
using System.Net.ServerSentEvents;
using System.Text.Json;
using Aura.Tests.Support;

namespace Aura.Tests.Restarts;

/// <summary>
/// The built service on a data folder of the test's own, stopped and started again: starting a render,
/// finding its FFmpeg, checking the video it left. Disposing kills whatever process still names the
/// test's folder (an orphan FFmpeg the code under test failed to stop), then removes the folder.
/// </summary>
internal sealed class RestartHarness : IDisposable
{
    // Long enough that the render still runs when the kill or the stop lands, small enough to stay quick.
    public const string Body = """
        { "brief": { "topic": "Why tides rise and fall" }, "planSpec": { "targetDuration": "00:00:40", "pacing": "Slow" },
          "renderSpec": { "res": { "width": 1280, "height": 720 }, "fps": 30 } }
        """;

    private readonly TempFolder _folder = new();

    public string DataFolder => _folder.Combine("data");

    public string File(string name) => _folder.File(name);

    /// <summary>A fake ffmpeg (see <see cref="TempFolder.FakeFFmpeg"/>).</summary>
    public string FakeFFmpeg(string body) => _folder.FakeFFmpeg(body);

    public string WorkFolderOf(string jobId) => Path.Combine(DataFolder, "jobs", jobId);

    public Task<ServiceProcess> StartAsync(params string[] settings) =>
        ServiceProcess.StartAsync(DataFolder, _folder.Combine("logs"), ["--Sse:PollInterval", "00:00:00.100", .. settings]);

    /// <summary>Starts a job and follows it until its video is being encoded; returns its id, what the client saw and the encoding FFmpeg's pids.</summary>
    public async Task<(string JobId, List<SseItem<string>> Seen, List<int> FFmpeg)> StartRenderAsync(HttpClient client)
    {
        var (response, job) = await client.PostJobAsync(Body);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var jobId = job.GetProperty("jobId").GetString()!;
        await using var stream = await SseSession.OpenAsync(client, $"/api/jobs/{jobId}/events");
        var seen = await stream.ReadUntilAsync(e => e.EventType == "step-progress" && e.Get("step") == "Rendering" && e.EventId is not null);
        // The stage reports 0 % just before FFmpeg starts: wait for the process itself.
        var videoPrefix = Path.Combine(WorkFolderOf(jobId), "video.");
        await Eventually.TrueAsync(() => ProcessTable.Mentioning(videoPrefix).Count > 0, TimeSpan.FromSeconds(60), "the render's FFmpeg did not start");
        return (jobId, seen, ProcessTable.Mentioning(videoPrefix));
    }

    /// <summary>What <c>ffmpeg -v error -i video.mp4 -f null -</c> says about a video: empty for a sound file.</summary>
    public static async Task<string> DecodeErrorsAsync(string video)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-nostdin", "-v", "error", "-i", video, "-f", "null", "-" })
            start.ArgumentList.Add(arg);
        using var ffmpeg = Process.Start(start)!;
        var errors = ffmpeg.StandardError.ReadToEndAsync();
        var output = ffmpeg.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await ffmpeg.WaitForExitAsync(timeout.Token);
        await output;
        return (await errors).Trim() + (ffmpeg.ExitCode == 0 ? "" : $" (exit code {ffmpeg.ExitCode})");
    }

    /// <summary>The job's files that are not in its artifact list, ignoring the pipeline's inner folders and state files.</summary>
    public List<string> StrayOutputs(JsonElement job)
    {
        var artifacts = job.GetProperty("artifacts").EnumerateArray().Select(a => a.GetProperty("name").GetString()).ToHashSet();
        return Directory.EnumerateFiles(WorkFolderOf(job.GetProperty("jobId").GetString()!))
            .Select(Path.GetFileName)
            .Where(name => name!.StartsWith("video", StringComparison.Ordinal) || name.Contains(".partial.", StringComparison.Ordinal))
            .Where(name => !artifacts.Contains(name))
            .Select(name => name!)
            .ToList();
    }

    public void Dispose()
    {
        ProcessTable.KillAllMentioning(_folder.Path);
        _folder.Dispose();
    }
}
