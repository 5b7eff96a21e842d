using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Aura.Bench;

/// <summary>
/// A throw-away <c>redis-server</c> child for the cluster part: its own temp folder, a free loopback port,
/// no persistence (<c>--save "" --appendonly no</c>: speed, nothing to keep). Stopped by its own pid on
/// dispose, never by name: other work shares the machine.
/// </summary>
public sealed class BenchRedis : IDisposable
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(30);
    private readonly Process _process;
    private readonly string _folder;

    private BenchRedis(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Configuration = $"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>The StackExchange.Redis configuration string the nodes are given.</summary>
    public string Configuration { get; }

    public static async Task<BenchRedis> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("aura-bench-redis-").FullName;
        var port = FreePort();
        var start = new ProcessStartInfo("redis-server") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", folder,
                     "--save", "", "--appendonly", "no", "--daemonize", "no", "--maxmemory-policy", "noeviction" })
            start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server could not be started (apt-get install redis-server)");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var redis = new BenchRedis(process, folder, port);
        var clock = Stopwatch.StartNew();
        while (!await AnswersAsync(port))
        {
            if (process.HasExited || clock.Elapsed > StartPatience)
            {
                redis.Dispose();
                throw new InvalidOperationException($"redis-server on port {port} did not start listening");
            }
            await Task.Delay(50);
        }
        return redis;
    }

    private static async Task<bool> AnswersAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill(); // this child's own pid; nothing in it is worth a clean shutdown
        _process.WaitForExit();
        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temp cleaning.
        }
    }
}
