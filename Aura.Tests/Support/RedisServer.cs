using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Aura.Tests.Support;

/// <summary>
/// A real <c>redis-server</c> as a child process on a free loopback port, with a folder of its own.
/// Fast by default (no snapshots, no AOF); <see cref="StartDurableAsync"/> turns on the settings the
/// README tells operators to use (AOF with <c>appendfsync always</c>) for tests that kill it.
/// It is stopped by its own pid (SIGTERM, then SIGKILL), never by name: other work shares this machine.
/// </summary>
public sealed class RedisServer : IAsyncDisposable, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly TempFolder _folder = new();
    private readonly bool _durable;
    private Process? _process;

    private RedisServer(int port, bool durable)
    {
        Port = port;
        _durable = durable;
    }

    public int Port { get; }

    /// <summary>A StackExchange.Redis configuration string for this server.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public int Pid => _process?.Id ?? 0;

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>No persistence: the fastest, for tests that never restart it.</summary>
    public static Task<RedisServer> StartAsync() => StartOnFreePortAsync(durable: false);

    /// <summary>AOF on, fsync on every write: a restart after SIGKILL loses nothing that was acknowledged.</summary>
    public static Task<RedisServer> StartDurableAsync() => StartOnFreePortAsync(durable: true);

    private static async Task<RedisServer> StartOnFreePortAsync(bool durable)
    {
        // The port is free when asked but could be taken before redis binds it: try another then.
        for (var attempt = 1; ; attempt++)
        {
            var server = new RedisServer(FreePort(), durable);
            try
            {
                await server.RestartAsync();
                return server;
            }
            catch (InvalidOperationException) when (attempt < 5)
            {
                await server.DisposeAsync();
            }
        }
    }

    /// <summary>Starts (again) on the same port and folder, so a durable server reloads what it wrote. Waits until PING answers.</summary>
    public async Task RestartAsync()
    {
        if (IsRunning)
            throw new InvalidOperationException("redis-server is already running");
        var start = new ProcessStartInfo("redis-server") { RedirectStandardOutput = true, RedirectStandardError = true };
        string[] args =
        [
            "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", _folder.Path,
            "--save", "", "--daemonize", "no", "--protected-mode", "yes", "--maxmemory-policy", "noeviction",
            .. _durable ? ["--appendonly", "yes", "--appendfsync", "always"] : new[] { "--appendonly", "no" },
        ];
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        _process?.Dispose();
        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start");
        var output = new StringBuilder();
        _process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + Patience;
        while (!await AnswersPingAsync())
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                Kill();
                lock (output)
                    throw new InvalidOperationException($"redis-server on port {Port} did not answer PING: {output}");
            }
            await Task.Delay(50);
        }
    }

    /// <summary>SIGKILL, as a crash or <c>kill -9</c>: nothing is flushed beyond what was already fsynced.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            ProcessTable.Signal(_process.Id, ProcessTable.SigKill);
            _process.WaitForExit();
        }
    }

    /// <summary>SIGTERM (redis shuts down cleanly), then SIGKILL if it has not exited within the patience.</summary>
    public async Task StopAsync()
    {
        if (_process is not { HasExited: false } process)
            return;
        ProcessTable.Signal(process.Id, ProcessTable.SigTerm);
        using var patience = new CancellationTokenSource(Patience);
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process?.Dispose();
        _folder.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task<bool> AnswersPingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer);
            // "-LOADING …" while a restarted server reads its AOF: not ready yet.
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
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
}
