using System.Globalization;
using System.Runtime.InteropServices;

namespace Aura.Bench;

/// <summary>Prints the figures as compact tables; invariant culture so runs compare character for character.</summary>
public static class Report
{
    public static void Header(string serviceConfiguration, string[] args, string gc)
    {
        Console.WriteLine($"command: {ReproduceCommand(string.Join(' ', args.DefaultIfEmpty(serviceConfiguration)))}");
        Console.WriteLine($"  (this process: {Environment.CommandLine})");
        Console.WriteLine($"date:    {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {CpuModel()}, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        Console.WriteLine($"memory:  {MemoryTotal()}; open files (this process): {OpenFileLimit()}");
        Console.WriteLine($"service: Aura.Api {serviceConfiguration} build and the floor (bench/Aura.Floor), child processes on 127.0.0.1, both {gc}");
        Console.WriteLine();
    }

    public static void Latency(LatencyFigures wake, LatencyFigures polling)
    {
        Console.WriteLine($"3. Event delivery latency (receipt - event timestamp), {LatencyBench.JobsPerMode} small jobs per mode (320x180, 10 fps, ~6 s), both modes at once, poll {LatencyBench.PollInterval}");
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
        Console.WriteLine($"4. Quick demo wall time, POST /api/quick/demo to job-completed, {QuickDemoBench.Runs} runs one at a time on an idle instance");
        Row("run", "job", "end event", "wall s", "video s", "wall / video", "", "");
        for (var i = 0; i < demo.Runs.Count; i++)
        {
            var run = demo.Runs[i];
            Row(I(i + 1), run.Job.JobId[..8], run.Job.Terminal?.Name ?? "none", F(run.Job.WallTime.TotalSeconds, 2),
                F(run.VideoLength?.TotalSeconds ?? double.NaN, 2), F(run.RenderPerVideoSecond, 2), "", "");
        }
        Row("min / median", "", "", $"{F(demo.MinSeconds, 2)} / {F(demo.MedianSeconds, 2)}", F(demo.VideoSeconds, 2),
            $"{F(demo.MinSeconds / demo.VideoSeconds, 2)} / {F(demo.MedianSeconds / demo.VideoSeconds, 2)}", "", "");
        Console.WriteLine($"   the same espeak-ng and FFmpeg commands run directly, one after the other: {F(demo.Direct?.TotalSeconds ?? double.NaN, 2)} s; " +
            $"demo median / direct = {F(demo.DirectRatio, 2)}x (target <= 1.2x)");
        Console.WriteLine();
    }


    private static string ReproduceCommand(string arguments)
    {
#if DEBUG
        const string benchConfiguration = "Debug";
#else
        const string benchConfiguration = "Release";
#endif
        return $"dotnet run --project bench/Aura.Bench -c {benchConfiguration} -- {arguments}   (or ./build.sh bench)";
    }

    private static string MemoryTotal()
    {
        var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        return line is null ? "unknown RAM" : $"{long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0 / 1024.0:0.0} GB RAM";
    }

    private static string OpenFileLimit()
    {
        var line = File.ReadLines("/proc/self/limits").FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal));
        return line is null ? "unknown" : line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[3];
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

    public static void Streams(StreamFigures f)
    {
        var n = f.PerJobIdle.Aura.Streams;
        Console.WriteLine($"1. Streams: the service against the bare floor, same raw-socket client, one after the other ({n:N0} idle streams: {IdleWindow()})");
        Table("measure", "Aura", "floor", "ratio", "target");
        IdleRows($"{n:N0} idle per-job streams on one job", f.PerJobIdle);
        IdleRows($"{n:N0} idle all-jobs streams", f.AllJobsIdle);
        var (many, few) = (f.Fanout1000, f.Fanout100);
        Table($"{many.Aura.Subscribers:N0} subscribers on one job: change -> receipt p50", Ms(many.Aura.P50), Ms(many.Floor.P50), X(many.Aura.P50, many.Floor.P50), "");
        Table("  same: p99", Ms(many.Aura.P99), Ms(many.Floor.P99), X(many.Aura.P99, many.Floor.P99), "<= 1.5x");
        Table($"{few.Aura.Subscribers:N0} subscribers: p50", Ms(few.Aura.P50), Ms(few.Floor.P50), X(few.Aura.P50, few.Floor.P50), "");
        Table("  same: p99", Ms(few.Aura.P99), Ms(few.Floor.P99), X(few.Aura.P99, few.Floor.P99), "<= 1.3x");
        var (open, openFloor) = (f.PerJobIdle.Aura.OpenTime.TotalSeconds, f.PerJobIdle.Floor.OpenTime.TotalSeconds);
        Table($"time to open {n:N0} per-job streams", $"{F(open, 2)} s", $"{F(openFloor, 2)} s", X(open, openFloor), "<= 2x");
        var (allOpen, allOpenFloor) = (f.AllJobsIdle.Aura.OpenTime.TotalSeconds, f.AllJobsIdle.Floor.OpenTime.TotalSeconds);
        Table($"time to open {n:N0} all-jobs streams", $"{F(allOpen, 2)} s", $"{F(allOpenFloor, 2)} s", X(allOpen, allOpenFloor), "");
        Console.WriteLine($"   /health open during the idle windows: per-job {f.PerJobIdle.Aura.HealthOpen} / {f.PerJobIdle.Floor.HealthOpen}, all-jobs {f.AllJobsIdle.Aura.HealthOpen} / {f.AllJobsIdle.Floor.HealthOpen} (Aura / floor)");
        Console.WriteLine($"   first batch per stream: per-job {F(f.PerJobIdle.Aura.FirstBatchBytes, 0)} / {F(f.PerJobIdle.Floor.FirstBatchBytes, 0)} bytes, all-jobs {F(f.AllJobsIdle.Aura.FirstBatchBytes, 0)} / {F(f.AllJobsIdle.Floor.FirstBatchBytes, 0)} bytes");
        Console.WriteLine($"   RSS MB before -> after (Aura / floor): per-job {Mb(f.PerJobIdle.Aura)} / {Mb(f.PerJobIdle.Floor)}, all-jobs {Mb(f.AllJobsIdle.Aura)} / {Mb(f.AllJobsIdle.Floor)}");
        Console.WriteLine($"   fan-out samples (subscribers x {StreamsBench.Changes} changes): {many.Aura.LatenciesMs.Count}/{many.Aura.Expected} and {many.Floor.LatenciesMs.Count}/{many.Floor.Expected}; " +
            $"{few.Aura.LatenciesMs.Count}/{few.Aura.Expected} and {few.Floor.LatenciesMs.Count}/{few.Floor.Expected}");
        Console.WriteLine();
    }

    public static void Throughput(ThroughputFigures t)
    {
        Console.WriteLine($"2. Throughput: {t.Jobs} jobs POSTed at once (160x90, 1 fps, 5 s, silent narration, stand-in FFmpeg that copies samples, 2 workers), followed on one all-jobs stream");
        Row("jobs", "succeeded", "failed", "lost", "wall s", "jobs/s", "stream ev/s", "server events");
        Row(I(t.Jobs), I(t.Succeeded), I(t.Failed), I(t.Lost), F(t.Wall.TotalSeconds, 1), F(t.JobsPerSecond, 2), F(t.StreamEventsPerSecond, 1),
            t.ServerEventsSent.ToString(CultureInfo.InvariantCulture));
        Console.WriteLine("   (lost: a job the stream never showed ending; stream ev/s: events on the all-jobs stream per second of the run)");
        Console.WriteLine();
    }

    /// <summary>Fan-out receipts that never came (a subscriber that did not hear of a change).</summary>
    public static int Lost(StreamFigures f) =>
        new[] { f.Fanout1000.Aura, f.Fanout1000.Floor, f.Fanout100.Aura, f.Fanout100.Floor }.Sum(s => Math.Max(0, s.Expected - s.LatenciesMs.Count));

    private static void IdleRows(string what, Pair<IdleSide> idle)
    {
        Table($"{what}: memory per stream", $"{F(idle.Aura.KbPerStream, 1)} KB", $"{F(idle.Floor.KbPerStream, 1)} KB", X(idle.Aura.KbPerStream, idle.Floor.KbPerStream), "<= 1.4x");
        Table("  same: server CPU while idle", $"{F(idle.Aura.CpuPercent, 1)} %", $"{F(idle.Floor.CpuPercent, 1)} %", X(idle.Aura.CpuPercent, idle.Floor.CpuPercent), "<= 10 % of a core");
    }

    private static string IdleWindow() => "VmRSS after - before opening, CPU = utime+stime over a 10 s window after a 3 s settle, % of one core";

    private static string Mb(IdleSide side) => $"{F(side.ResidentKbBefore / 1024.0, 0)} -> {F(side.ResidentKbAfter / 1024.0, 0)}";

    private static string Ms(double ms) => $"{F(ms, 1)} ms";

    private static string X(double a, double b) => $"{F(Stats.Ratio(a, b), 1)}x";

    private static void Table(params string[] cells)
    {
        int[] widths = [58, 14, 14, 9, 18];
        Console.WriteLine("   " + string.Concat(cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
    }

    private static void Row(params string[] cells)
    {
        int[] widths = [16, 13, 15, 16, 9, 14, 12, 14];
        Console.WriteLine("   " + string.Concat(cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
    }

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string F(double value, int decimals) =>
        double.IsNaN(value) ? "n/a" : value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
