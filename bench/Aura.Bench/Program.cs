using System.Diagnostics;
using Aura.Bench;

// Aura.Bench: starts the built service as child processes and prints figures measured side by side
// in one run. Usage: dotnet run --project bench/Aura.Bench -c Release -- [Release|Debug]
// (the argument is the configuration of the Aura.Api build to start; build it first).

if (!OperatingSystem.IsLinux())
{
    // Memory and CPU are read from /proc, and the stand-in espeak-ng is a shell script.
    Console.Error.WriteLine("Aura.Bench runs on Linux only.");
    return 2;
}

var configuration = args.Length > 0 ? args[0] : "Release";
if (configuration is not ("Release" or "Debug"))
{
    Console.Error.WriteLine($"usage: Aura.Bench [Release|Debug]   (got '{configuration}')");
    return 2;
}

var apiFolder = ApiBuild.Folder(configuration);
if (apiFolder is null)
{
    Console.Error.WriteLine($"Aura.Api.dll ({configuration}) not found; build it first: dotnet build Aura.Jobs.sln -c {configuration}");
    return 2;
}

Report.Header(configuration);
var clock = Stopwatch.StartNew();

try
{
    return await RunAllAsync(apiFolder);
}
catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TimeoutException or OperationCanceledException)
{
    // A service that stopped answering or a job that never ended: no figures, and say why.
    Console.Error.WriteLine($"bench failed after {clock.Elapsed.TotalSeconds:0} s: {ex.GetType().Name}: {ex.Message}");
    return 1;
}

async Task<int> RunAllAsync(string apiFolder)
{
    LatencyFigures wake, polling;
    DemoFigures demo;
    await using (var wakeInstance = await ServiceInstance.StartAsync(apiFolder, "wake", LatencyBench.WakeSettings))
    {
        (wake, polling) = await LatencyBench.RunAsync(apiFolder, wakeInstance);
        Report.Latency(wake, polling);
        // The polling instance has stopped by now: the wake instance is the only one, and idle.
        demo = await QuickDemoBench.RunAsync(wakeInstance);
    }
    var idle = await IdleStreamsBench.RunAsync(apiFolder);
    Report.Idle(idle);
    Report.Demo(demo);

    var failedJobs = wake.Failed + polling.Failed + demo.Failed;
    Console.WriteLine($"total {clock.Elapsed.TotalSeconds:0} s; failed jobs: {failedJobs}; /health stream count agreed: {(idle.HealthAgreed ? "yes" : "NO")}");
    return failedJobs == 0 && idle.HealthAgreed ? 0 : 1;
}
