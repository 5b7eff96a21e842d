using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Aura.Tests.Support;

/// <summary>
/// A raw TCP relay on a loopback port of its own, between a browser and the service, that can
/// misbehave on purpose: freeze the connections it holds (they stay open but pass no more bytes,
/// as a stuck proxy does), refuse new connections (as a service that is down), or move to another
/// service (a restarted one on a new port) while the browser's origin stays the same. It notes
/// when each request for a path arrived, refused or not. Hand-written: faults at the TCP level are
/// what the page's stream client must survive, and no HTTP proxy library injects them.
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<Relay, byte> _relays = new();
    private readonly ConcurrentQueue<(DateTime At, string RequestLine, bool Refused)> _requests = new();
    private volatile bool _refusing;
    private volatile int _targetPort;

    public FaultProxy(Uri target)
    {
        _targetPort = target.Port;
        _listener.Start();
        _ = AcceptLoopAsync();
    }

    /// <summary>Where the browser goes: http://127.0.0.1:port/.</summary>
    public Uri Address => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>Every request line seen (the first of each connection), when it came, and whether it was refused.</summary>
    public IReadOnlyList<(DateTime At, string RequestLine, bool Refused)> Requests => _requests.ToArray();

    /// <summary>From now on the service is another one (a restarted process on a new port).</summary>
    public void RetargetTo(Uri target) => _targetPort = target.Port;

    /// <summary>Every connection open now stops passing bytes from the service, but stays open; new ones work.</summary>
    public void FreezeOpenConnections()
    {
        foreach (var relay in _relays.Keys)
            relay.Frozen = true;
    }

    /// <summary>Drops every open connection and refuses new ones (each closed after its request line is noted).</summary>
    public void StartRefusing()
    {
        _refusing = true;
        foreach (var relay in _relays.Keys)
            relay.Close();
    }

    public void StopRefusing() => _refusing = false;

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            _ = HandleAsync(client);
        }
    }

    private async Task HandleAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var head = new byte[8192];
        int read;
        try
        {
            read = await stream.ReadAsync(head, _stop.Token);
        }
        catch (Exception)
        {
            return;
        }
        if (read == 0)
            return;
        var requestLine = Encoding.ASCII.GetString(head, 0, read).Split("\r\n", 2)[0];
        var refused = _refusing;
        _requests.Enqueue((DateTime.UtcNow, requestLine, refused));
        if (refused)
        {
            client.LingerState = new LingerOption(true, 0); // a reset, as from a port nobody listens on
            return;
        }

        using var service = new TcpClient();
        try
        {
            await service.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
        }
        catch (Exception)
        {
            client.LingerState = new LingerOption(true, 0);
            return;
        }
        var relay = new Relay(client, service);
        _relays[relay] = 0;
        try
        {
            await service.GetStream().WriteAsync(head.AsMemory(0, read), _stop.Token);
            await Task.WhenAny(relay.PumpAsync(stream, service.GetStream(), toClient: false, _stop.Token),
                relay.PumpAsync(service.GetStream(), stream, toClient: true, _stop.Token));
        }
        catch (Exception)
        {
            // either side went away
        }
        finally
        {
            _relays.TryRemove(relay, out byte _);
            relay.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        foreach (var relay in _relays.Keys)
            relay.Close();
        _stop.Dispose();
    }

    /// <summary>One relayed connection.</summary>
    private sealed class Relay(TcpClient client, TcpClient service)
    {
        public volatile bool Frozen;

        public async Task PumpAsync(NetworkStream from, NetworkStream to, bool toClient, CancellationToken cancellationToken)
        {
            var buffer = new byte[16 * 1024];
            while (true)
            {
                var read = await from.ReadAsync(buffer, cancellationToken);
                if (read == 0)
                    return;
                // Frozen: the bytes the service sends go nowhere, and the browser hears nothing more.
                if (!(toClient && Frozen))
                    await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }

        public void Close()
        {
            try { client.Client.LingerState = new LingerOption(true, 0); } catch (ObjectDisposedException) { }
            client.Close();
            service.Close();
        }
    }
}
