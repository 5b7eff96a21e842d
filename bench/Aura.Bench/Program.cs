using System.Diagnostics;
using Aura.Bench;

// Aura.Bench: starts the built service and the bench's bare SSE floor as child processes and prints
// figures measured side by side in one run.
// Usage: dotnet run --project bench/Aura.Bench -c Release -- [Release|Debug] [--quick] [--streams N]
//   Release|Debug  the configuration of the Aura.Api build to start (build it first)
//   --quick        fewer streams and jobs (1,000 idle streams, 200/50 subscribers, 40 jobs)
//   --streams N    N idle streams of each kind (default 10,000)
//   --parts a,b    only these parts: streams, throughput, latency, demo, cluster (default: all)

if (!OperatingSystem.IsLinux())
{
    // Memory and CPU are read from /proc, and the stand-in espeak-ng is a shell script.
    Console.Error.WriteLine("Aura.Bench runs on Linux only.");
    return 2;
}

var configuration = "Release";
var size = BenchSize.Full;
string[] allParts = ["streams", "throughput", "latency", "demo", "cluster"];
var parts = new HashSet<string>(allParts);
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "Release" or "Debug":
            configuration = args[i];
            break;
        case "--quick":
            size = BenchSize.Quick;
            break;
        case "--streams" when i + 1 < args.Length && int.TryParse(args[i + 1], out var streams) && streams > 0:
            size = size with { IdleStreams = streams };
            i++;
            break;
        case "--parts" when i + 1 < args.Length && args[i + 1].Split(',').All(allParts.Contains):
            parts = [.. args[i + 1].Split(',')];
            i++;
            break;
        default:
            Console.Error.WriteLine($"usage: Aura.Bench [Release|Debug] [--quick] [--streams N] [--parts streams,throughput,latency,demo,cluster]   (got '{args[i]}')");
            return 2;
    }
}

var apiFolder = ApiBuild.Folder(configuration);
var floorFolder = ApiBuild.FloorFolder(configuration);
if (apiFolder is null || floorFolder is null)
{
    Console.Error.WriteLine($"Aura.Api.dll or Aura.Floor.dll ({configuration}) not found; build them first: dotnet build Aura.Jobs.sln -c {configuration}");
    return 2;
}
var (auraGc, floorGc) = (GcSettings.Of(apiFolder, "Aura.Api"), GcSettings.Of(floorFolder, "Aura.Floor"));
if (auraGc != floorGc)
{
    Console.Error.WriteLine($"the floor must run with the service's GC settings: service {auraGc}, floor {floorGc}");
    return 2;
}

Report.Header(configuration, args, auraGc);
var clock = Stopwatch.StartNew();

try
{
    return await RunAllAsync(apiFolder, floorFolder);
}
catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TimeoutException or OperationCanceledException or IOException)
{
    // A service that stopped answering or a job that never ended: no figures, and say why.
    Console.Error.WriteLine($"bench failed after {clock.Elapsed.TotalSeconds:0} s: {ex.GetType().Name}: {ex.Message}");
    return 1;
}

async Task<int> RunAllAsync(string apiFolder, string floorFolder)
{
    var (lostEvents, lostJobs, failedJobs) = (0, 0, 0);
    if (parts.Contains("streams"))
    {
        StreamFigures streams;
        using (var espeak = await GatedEspeak.CreateAsync())
            streams = await new StreamsBench(apiFolder, floorFolder, espeak, size).RunAsync();
        Report.Streams(streams);
        lostEvents = Report.Lost(streams);
    }
    if (parts.Contains("throughput"))
    {
        var throughput = await ThroughputBench.RunAsync(apiFolder, size.ThroughputJobs);
        Report.Throughput(throughput);
        (lostJobs, failedJobs) = (throughput.Lost, throughput.Failed);
    }
    if (parts.Contains("latency") || parts.Contains("demo"))
    {
        await using var wakeInstance = await ServiceInstance.StartAsync(apiFolder, "wake", LatencyBench.WakeSettings);
        if (parts.Contains("latency"))
        {
            Progress.Say("latency: wake-on-change against pure polling");
            var (wake, polling) = await LatencyBench.RunAsync(apiFolder, wakeInstance);
            Report.Latency(wake, polling);
            failedJobs += wake.Failed + polling.Failed;
        }
        if (parts.Contains("demo"))
        {
            // The polling instance has stopped by now: the wake instance is the only one, and idle.
            var demo = await QuickDemoBench.RunAsync(wakeInstance);
            Report.Demo(demo);
            failedJobs += demo.Failed;
        }
    }
    if (parts.Contains("cluster"))
    {
        var (one, two) = await ClusterBench.RunAsync(apiFolder);
        ClusterReport.Print(one, two);
        (lostJobs, failedJobs) = (lostJobs + one.Lost + two.Lost, failedJobs + one.Failed + two.Failed);
    }

    Console.WriteLine($"total {clock.Elapsed.TotalSeconds:0} s; fan-out receipts lost: {lostEvents}; jobs lost: {lostJobs}, failed: {failedJobs}");
    return lostEvents == 0 && lostJobs == 0 && failedJobs == 0 ? 0 : 1;
}
