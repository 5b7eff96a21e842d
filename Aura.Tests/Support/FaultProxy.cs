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
    private readonly ConcurrentQueue<ProxiedRequest> _requests = new();
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

    /// <summary>Every request seen (a kept-alive connection carries several): when it came, its head, and whether it was refused.</summary>
    public IReadOnlyList<ProxiedRequest> Requests => _requests.ToArray();

    /// <summary>The requests for the all-jobs event stream, in the order they came.</summary>
    public IReadOnlyList<ProxiedRequest> StreamRequests => Requests.Where(r => r.Head.StartsWith("GET /api/jobs/events", StringComparison.Ordinal)).ToList();

    /// <summary>From now on the service is another one (a restarted process on a new port).</summary>
    public void RetargetTo(Uri target) => _targetPort = target.Port;

    /// <summary>
    /// Every event stream open now stops passing bytes from the service but stays open; other open
    /// connections (idle keep-alive ones) are closed, so the browser's next request takes a new one,
    /// which works.
    /// </summary>
    public void FreezeOpenStreams()
    {
        foreach (var relay in _relays.Keys)
        {
            if (relay.IsEventStream)
                relay.Frozen = true;
            else
                relay.Close();
        }
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
        var refused = _refusing;
        var request = new ProxiedRequest(DateTime.UtcNow, Encoding.ASCII.GetString(head, 0, read), refused);
        _requests.Enqueue(request);
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
        var relay = new Relay(client, service, request, _requests.Enqueue);
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
    private sealed class Relay(TcpClient client, TcpClient service, ProxiedRequest first, Action<ProxiedRequest> noteRequest)
    {
        private static readonly string[] Methods = ["GET ", "POST ", "PUT ", "DELETE ", "HEAD ", "OPTIONS ", "PATCH "];
        private volatile ProxiedRequest _current = first;

        public volatile bool Frozen;

        /// <summary>Whether the request this connection carries now is the event stream.</summary>
        public bool IsEventStream => _current.Head.StartsWith("GET /api/jobs/events", StringComparison.Ordinal);

        public async Task PumpAsync(NetworkStream from, NetworkStream to, bool toClient, CancellationToken cancellationToken)
        {
            var buffer = new byte[16 * 1024];
            while (true)
            {
                var read = await from.ReadAsync(buffer, cancellationToken);
                if (read == 0)
                    return;
                // The next request on a kept-alive connection (the browser sends bodies small enough to
                // come with their head, so a chunk that starts with a method is a new request).
                if (!toClient && Encoding.ASCII.GetString(buffer, 0, Math.Min(read, 8)) is var start && Methods.Any(start.StartsWith))
                {
                    _current = new ProxiedRequest(DateTime.UtcNow, Encoding.ASCII.GetString(buffer, 0, read), false);
                    noteRequest(_current);
                }
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
