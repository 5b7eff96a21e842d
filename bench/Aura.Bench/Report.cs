using System.Globalization;
using System.Runtime.InteropServices;

namespace Aura.Bench;

/// <summary>Prints the figures as compact tables; invariant culture so runs compare character for character.</summary>
public static class Report
{
    public static void Header(string serviceConfiguration)
    {
        Console.WriteLine($"command: {ReproduceCommand(serviceConfiguration)}");
        Console.WriteLine($"  (this process: {Environment.CommandLine})");
        Console.WriteLine($"date:    {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {CpuModel()}, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        Console.WriteLine($"service: Aura.Api {serviceConfiguration} build, child processes on 127.0.0.1, temp data folders");
        Console.WriteLine();
    }

    public static void Latency(LatencyFigures wake, LatencyFigures polling)
    {
        Console.WriteLine($"1. Event delivery latency (receipt - event timestamp), {LatencyBench.JobsPerMode} small jobs per mode (320x180, 10 fps, ~6 s), both modes at once, poll {LatencyBench.PollInterval}");
        Row("mode", "jobs", "failed", "events/job", "samples", "median ms", "p95 ms", "job s (median)");
        foreach (var f in new[] { wake, polling })
            Row(f.Mode, I(f.Jobs.Count), I(f.Failed), F(f.EventsPerJob, 1), I(f.LatenciesMs.Count), F(f.MedianMs, 1), F(f.P95Ms, 1), F(f.JobSeconds, 2));
        Row("polling / wake", "", "", F(Stats.Ratio(polling.EventsPerJob, wake.EventsPerJob), 2) + "x", "",
            F(Stats.Ratio(polling.MedianMs, wake.MedianMs), 1) + "x", F(Stats.Ratio(polling.P95Ms, wake.P95Ms), 1) + "x", "");
        Console.WriteLine("   (samples: events about changes made after the stream opened; the replayed first batch is left out)");
        Console.WriteLine();
    }

    public static void Demo(DemoFigures demo)
    {
        Console.WriteLine($"3. Quick demo wall time, POST /api/quick/demo to job-completed, {QuickDemoBench.Runs} runs one at a time on an idle instance");
        Row("run", "job", "end event", "wall s", "video s", "wall / video", "", "");
        for (var i = 0; i < demo.Runs.Count; i++)
        {
            var run = demo.Runs[i];
            Row(I(i + 1), run.Job.JobId[..8], run.Job.Terminal?.Name ?? "none", F(run.Job.WallTime.TotalSeconds, 2),
                F(run.VideoLength?.TotalSeconds ?? double.NaN, 2), F(run.RenderPerVideoSecond, 2), "", "");
        }
        Row("min / median", "", "", $"{F(demo.MinSeconds, 2)} / {F(demo.MedianSeconds, 2)}", F(demo.VideoSeconds, 2),
            $"{F(demo.MinSeconds / demo.VideoSeconds, 2)} / {F(demo.MedianSeconds / demo.VideoSeconds, 2)}", "", "");
        Console.WriteLine();
    }

    public static void Idle(IdleFigures idle)
    {
        Console.WriteLine($"2. Idle open streams: per-job streams on one job held Running in Voice, {IdleStreamsBench.Window.TotalSeconds:0} s of idle per level, service process only");
        Row("streams", "/health open", "RSS MB", "threads", "CPU ms", "CPU % core", "", "");
        foreach (var level in idle.Levels)
            Row(I(level.Streams), I(level.HealthOpen), F(level.ResidentKb / 1024.0, 1), I(level.Threads), F(level.Cpu.TotalMilliseconds, 0), F(level.CpuPercent, 2), "", "");
        var (marginalKb, marginalCpu) = idle.MarginalPerStream;
        var (low, high) = (idle.Levels[^2].Streams, idle.Levels[^1].Streams);
        Console.WriteLine($"   memory per open stream: {F(idle.KbPerStream, 1)} KB (slope over all levels), {F(marginalKb, 1)} KB ({low} -> {high})");
        Console.WriteLine($"   CPU per stream-second:  {F(idle.CpuMicrosecondsPerStreamSecond, 1)} us (slope), {F(marginalCpu, 1)} us ({low} -> {high}); " +
            $"slope = {F(idle.CpuMicrosecondsPerStreamSecond / 100, 2)} % of a core per 100 streams");
        Console.WriteLine($"   after closing all: /health open = {idle.OpenAfterClose} within {F(idle.CloseTime.TotalSeconds, 2)} s, RSS {F(idle.ResidentKbAfterClose / 1024.0, 1)} MB; /health agreed at every level: {(idle.HealthAgreed ? "yes" : "NO")}");
        Console.WriteLine();
    }

    private static string ReproduceCommand(string serviceConfiguration)
    {
#if DEBUG
        const string benchConfiguration = "Debug";
#else
        const string benchConfiguration = "Release";
#endif
        return $"dotnet run --project bench/Aura.Bench -c {benchConfiguration} -- {serviceConfiguration}";
    }

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line is null ? "unknown CPU" : line[(line.IndexOf(':') + 1)..].Trim();
        }
        catch (IOException)
        {
            return "unknown CPU";
        }
    }

    private static void Row(params string[] cells)
    {
        int[] widths = [16, 13, 15, 12, 9, 14, 10, 14];
        Console.WriteLine("   " + string.Concat(cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
    }

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string F(double value, int decimals) =>
        double.IsNaN(value) ? "n/a" : value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
