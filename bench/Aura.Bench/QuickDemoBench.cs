using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Aura.Bench;

/// <summary>One quick demo: wall time from the POST to <c>job-completed</c>, and the length of the video it made.</summary>
public sealed record DemoRun(FollowedJob Job, TimeSpan? VideoLength)
{
    public double RenderPerVideoSecond => VideoLength is { } length ? Job.WallTime / length : double.NaN;
}

public sealed record DemoFigures(IReadOnlyList<DemoRun> Runs, TimeSpan? Direct)
{
    /// <summary>The median demo's wall time over the same espeak-ng and FFmpeg commands run directly (target ≤ 1.2).</summary>
    public double DirectRatio => Direct is { } direct ? MedianSeconds / direct.TotalSeconds : double.NaN;

    public double MinSeconds => Runs.Min(r => r.Job.WallTime.TotalSeconds);

    public double MedianSeconds => Stats.Median(Runs.Select(r => r.Job.WallTime.TotalSeconds).ToList());

    public double VideoSeconds => Stats.Median(Runs.Select(r => r.VideoLength?.TotalSeconds ?? double.NaN).ToList());

    public int Failed => Runs.Count(r => !r.Job.Succeeded);
}

/// <summary>Part 3: <c>POST /api/quick/demo</c> to completion, one run at a time on an otherwise idle instance.</summary>
public static class QuickDemoBench
{
    public const int Runs = 3;

    public static async Task<DemoFigures> RunAsync(ServiceInstance service)
    {
        var probe = await ProbePathAsync(service);
        var runs = new List<DemoRun>();
        for (var i = 0; i < Runs; i++)
        {
            Progress.Say($"demo: run {i + 1}");
            var job = await JobClient.RunAsync(service, "/api/quick/demo", null);
            runs.Add(new DemoRun(job, job.Succeeded ? await VideoLengthAsync(probe, job) : null));
        }
        // The last run's commands, run directly on the same idle instance's machine, right after it.
        var last = runs.LastOrDefault(r => r.Job.Succeeded);
        Progress.Say("demo: the same commands run directly");
        var direct = last is null ? (TimeSpan?)null : await DirectCommands.RunAsync(service, last.Job.JobId);
        return new DemoFigures(runs, direct);
    }

    /// <summary>
    /// The job does not state its video's length, so it is read from the file <c>job-completed</c>
    /// names (<c>output.videoPath</c>; the instance runs on this machine) with the ffprobe the service uses.
    /// </summary>
    private static async Task<TimeSpan?> VideoLengthAsync(string probe, FollowedJob job)
    {
        var video = job.Terminal!.Data.GetProperty("output").GetProperty("videoPath").GetString()!;
        var start = new ProcessStartInfo(probe) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-v", "error", "-show_entries", "format=duration", "-of", "default=noprint_wrappers=1:nokey=1", video })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 && double.TryParse(output.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;
    }

    private static async Task<string> ProbePathAsync(ServiceInstance service)
    {
        var health = await service.Client.GetFromJsonAsync<JsonElement>("/health");
        return health.GetProperty("ffmpeg").GetProperty("probePath").GetString() ?? "ffprobe";
    }
}
