using System.Diagnostics;
using Aura.Bench;

// Aura.Bench: starts the built service and the bench's bare SSE floor as child processes and prints
// figures measured side by side in one run.
// Usage: dotnet run --project bench/Aura.Bench -c Release -- [Release|Debug] [--quick] [--streams N]
//   Release|Debug  the configuration of the Aura.Api build to start (build it first)
//   --quick        fewer streams and jobs (1,000 idle streams, 200/50 subscribers, 40 jobs)
//   --streams N    N idle streams of each kind (default 10,000)

if (!OperatingSystem.IsLinux())
{
    // Memory and CPU are read from /proc, and the stand-in espeak-ng is a shell script.
    Console.Error.WriteLine("Aura.Bench runs on Linux only.");
    return 2;
}

var configuration = "Release";
var size = BenchSize.Full;
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
        default:
            Console.Error.WriteLine($"usage: Aura.Bench [Release|Debug] [--quick] [--streams N]   (got '{args[i]}')");
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
    StreamFigures streams;
    using (var espeak = await GatedEspeak.CreateAsync())
    await using (var aura = await ServiceInstance.StartAsync(apiFolder, "streams", StreamsBench.AuraSettings(espeak)))
    await using (var floor = await ServiceInstance.StartFloorAsync(floorFolder, "floor"))
        streams = await new StreamsBench(aura, floor, espeak, size).RunAsync();
    Report.Streams(streams);
    var lost = Report.Lost(streams);

    Console.WriteLine($"total {clock.Elapsed.TotalSeconds:0} s; lost events: {lost}");
    return lost == 0 ? 0 : 1;
}
