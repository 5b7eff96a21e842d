using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Aura.Tests.Support;

/// <summary>
/// The built service (Aura.Api.dll) as a child process on a free loopback port, with the data and
/// logs folders a test gives it: for what only a real process shows (a SIGKILL, a restart). It runs in a
/// process group of its own (setsid), with the FFmpeg it starts, as a service started from a terminal
/// or by systemd does, so a test can signal the group as Ctrl+C or <c>systemctl stop</c> would.
/// </summary>
public sealed class ServiceProcess : IDisposable
{
    private readonly Process _process;

    private ServiceProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The service's pid, which is also its process group's id.</summary>
    public int Pid => _process.Id;

    public HttpClient Client() => new() { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(100) };

    public static Task<ServiceProcess> StartAsync(string dataFolder, string logsFolder, params string[] settings) =>
        StartAsync(new Uri($"http://127.0.0.1:{FreePort()}"), dataFolder, logsFolder, settings);

    /// <summary>Like <see cref="StartAsync(string, string, string[])"/>, but bound to every interface (0.0.0.0); reached over 127.0.0.1.</summary>
    public static Task<ServiceProcess> StartOnAllInterfacesAsync(string dataFolder, string logsFolder, params string[] settings)
    {
        var port = FreePort();
        return StartAsync(new Uri($"http://127.0.0.1:{port}"), dataFolder, logsFolder, [.. settings, "--urls", $"http://0.0.0.0:{port}"]);
    }

    private static async Task<ServiceProcess> StartAsync(Uri address, string dataFolder, string logsFolder, string[] settings)
    {
        var start = StartInfo(address, dataFolder, logsFolder, settings);
        // In its own process group, so a test can signal the group as a terminal's Ctrl+C does. setsid
        // execs dotnet in place (this child is no group leader), so the pid stays the service's.
        start.ArgumentList.Insert(0, start.FileName);
        start.FileName = "setsid";
        var process = Process.Start(start)!;
        // Drain the output so the child never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var service = new ServiceProcess(process, address);
        using var client = service.Client();
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            Assert.False(process.HasExited, $"the service exited at start with code {(process.HasExited ? process.ExitCode : 0)}");
            try
            {
                // Liveness: the process answers (readiness may rightly be 503 on a machine without FFmpeg).
                using var health = await client.GetAsync("/healthz");
                if (health.StatusCode == HttpStatusCode.OK)
                    return service;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            Assert.True(DateTime.UtcNow < deadline, "the service did not start listening within 120 s");
            await Task.Delay(100);
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>True when the process exited within <paramref name="limit"/> (a generous limit: this waits on the exit, not the clock).</summary>
    public async Task<bool> ExitedWithinAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>
    /// Starts the service and waits for it to exit by itself (a start it refuses); returns its exit
    /// code and everything it wrote to stdout and stderr. Fails when it is still running after 60 s.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(string dataFolder, string logsFolder, params string[] settings)
    {
        using var process = Process.Start(StartInfo(new Uri($"http://127.0.0.1:{FreePort()}"), dataFolder, logsFolder, settings))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the service was expected to refuse the start and exit, but it kept running for 60 s");
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    private static ProcessStartInfo StartInfo(Uri address, string dataFolder, string logsFolder, string[] settings)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = ApiFolder(), RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "Aura.Api.dll", "--urls", address.ToString(), "--Storage:DataFolder", dataFolder, "--Jobs:LogsFolder", logsFolder }.Concat(settings))
            start.ArgumentList.Add(arg);
        return start;
    }

    /// <summary>SIGKILL to the service and its children (FFmpeg): nothing gets to clean up.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>SIGKILL to the service alone, as <c>kill -9 &lt;pid&gt;</c> does: its FFmpeg children live on.</summary>
    public void KillServiceOnly()
    {
        if (!_process.HasExited)
            ProcessTable.Signal(Pid, ProcessTable.SigKill);
        _process.WaitForExit();
    }

    /// <summary>Sends <paramref name="signal"/> to the service, or to its whole process group (FFmpeg included) as a terminal's Ctrl+C does.</summary>
    public void Signal(int signal, bool wholeGroup) => ProcessTable.Signal(wholeGroup ? -Pid : Pid, signal);

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The Aura.Api build of the same configuration as these tests.</summary>
    private static string ApiFolder()
    {
        var tests = new DirectoryInfo(AppContext.BaseDirectory); // …/Aura.Tests/bin/<Configuration>/net10.0/
        var framework = tests.Name;
        var configuration = tests.Parent!.Name;
        var root = tests.Parent!.Parent!.Parent!.Parent!.FullName;
        var folder = Path.Combine(root, "Aura.Api", "bin", configuration, framework);
        Assert.True(File.Exists(Path.Combine(folder, "Aura.Api.dll")), $"build Aura.Api first: {folder}");
        return folder;
    }
}
