using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Aura.Bench;

/// <summary>
/// The built service (Aura.Api.dll) as a child process on a free loopback port with its own temp data
/// and logs folders, started the way the tests start it; killed and cleaned up on dispose.
/// </summary>
public sealed class ServiceInstance : IAsyncDisposable
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(30);
    private const int OutputLinesKept = 30;
    private readonly Process _process;
    private readonly Queue<string> _lastOutput = new();

    private ServiceInstance(string name, Process process, Uri address, string folder)
    {
        Name = name;
        _process = process;
        Address = address;
        Folder = folder;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        // Streams stay open far longer than any request; they get their own client without a timeout.
        StreamClient = new HttpClient { BaseAddress = address, Timeout = Timeout.InfiniteTimeSpan };
    }

    public string Name { get; }

    public Uri Address { get; }

    /// <summary>The temp folder that holds this instance's data and logs.</summary>
    public string Folder { get; }

    public int ProcessId => _process.Id;

    public HttpClient Client { get; }

    public HttpClient StreamClient { get; }

    /// <summary>The loopback endpoint, for the raw-socket client.</summary>
    public IPEndPoint EndPoint => new(IPAddress.Loopback, Address.Port);

    public static Task<ServiceInstance> StartAsync(string apiFolder, string name, params string[] settings)
    {
        var folder = Directory.CreateTempSubdirectory($"aura-bench-{name}-").FullName;
        string[] folders = ["--Storage:DataFolder", Path.Combine(folder, "data"), "--Jobs:LogsFolder", Path.Combine(folder, "logs")];
        return StartProcessAsync(apiFolder, "Aura.Api.dll", name, folder, [.. folders, .. settings]);
    }

    /// <summary>The bench's bare SSE endpoint (bench/Aura.Floor), started the same way as the service.</summary>
    public static Task<ServiceInstance> StartFloorAsync(string floorFolder, string name, params string[] settings) =>
        StartProcessAsync(floorFolder, "Aura.Floor.dll", name, Directory.CreateTempSubdirectory($"aura-bench-{name}-").FullName, settings);

    private static async Task<ServiceInstance> StartProcessAsync(string dllFolder, string dll, string name, string folder, string[] settings)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = dllFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { dll, "--urls", address.ToString() }.Concat(settings))
            start.ArgumentList.Add(arg);

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started");
        var instance = new ServiceInstance(name, process, address, folder);
        // Drain the output so the child never blocks on a full pipe; keep its tail to tell why it died, if it does.
        process.OutputDataReceived += (_, line) => instance.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => instance.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await instance.WaitUntilHealthyAsync();
            return instance;
        }
        catch
        {
            await instance.DisposeAsync();
            throw;
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"the {Name} instance exited at start with code {_process.ExitCode}");
            try
            {
                using var health = await Client.GetAsync("/health");
                if (health.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (deadline.Elapsed > StartPatience)
                throw new TimeoutException($"the {Name} instance did not answer /health within {StartPatience.TotalSeconds} s");
            await Task.Delay(100);
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        lock (_lastOutput)
        {
            _lastOutput.Enqueue(line);
            if (_lastOutput.Count > OutputLinesKept)
                _lastOutput.Dequeue();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        StreamClient.Dispose();
        var diedOnItsOwn = _process.HasExited;
        if (!diedOnItsOwn)
            _process.Kill(entireProcessTree: true); // FFmpeg and espeak-ng children go with it
        await _process.WaitForExitAsync();
        if (diedOnItsOwn)
        {
            // Not the bench's doing: say so, and keep the folder (its logs) for whoever looks next.
            lock (_lastOutput)
                Console.Error.WriteLine($"the {Name} instance (pid {_process.Id}) exited on its own with code {_process.ExitCode}; " +
                    $"its data and logs are kept in {Folder}; its last output:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", _lastOutput)}");
            _process.Dispose();
            return;
        }
        _process.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temp folder is the system's to clean.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
