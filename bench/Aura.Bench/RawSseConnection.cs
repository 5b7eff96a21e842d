using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Aura.Bench;

/// <summary>One SSE event as a raw connection read it, with the moment the read that completed it returned.</summary>
public readonly record struct RawSseEvent(string Name, string Data, DateTimeOffset ReceivedAt);

/// <summary>
/// An event stream read over a bare socket: one HTTP/1.1 GET, the status line checked, the chunked
/// body undone and parsed as SSE (WHATWG: <c>event:</c>/<c>data:</c> lines, a blank line ends an
/// event, <c>:</c> comments skipped). Far cheaper per stream than HttpClient, so 10,000 of them fit in
/// the bench beside the server, and the same for the service and the floor.
/// </summary>
public sealed class RawSseConnection : IDisposable
{
    private const int BufferSize = 4096;
    private readonly Socket _socket;
    private readonly Action<RawSseEvent>? _onEvent;
    private readonly TaskCompletionSource _firstEvent = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly RawBodyParser _body;

    private RawSseConnection(Socket socket, Action<RawSseEvent>? onEvent)
    {
        _socket = socket;
        _onEvent = onEvent;
        _body = new RawBodyParser(OnEvent);
    }

    /// <summary>Completes when the first whole event (not a comment, not <c>retry:</c> alone) has arrived: the stream is live.</summary>
    public Task FirstEvent => _firstEvent.Task;

    /// <summary>Ends when the server closes the stream or the connection is disposed.</summary>
    public Task Reading { get; private set; } = Task.CompletedTask;

    public long BodyBytes => _body.BodyBytes;

    public int Events { get; private set; }

    /// <summary>Connects, sends the GET and starts reading; throws when the answer is not 200.</summary>
    public static async Task<RawSseConnection> OpenAsync(IPEndPoint server, string path, Action<RawSseEvent>? onEvent, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        var connection = new RawSseConnection(socket, onEvent);
        try
        {
            await socket.ConnectAsync(server, cancellationToken);
            var request = $"GET {path} HTTP/1.1\r\nHost: {server}\r\nAccept: text/event-stream\r\n\r\n";
            await socket.SendAsync(Encoding.ASCII.GetBytes(request), SocketFlags.None, cancellationToken);
            connection.Reading = connection.ReadAsync();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[BufferSize];
        try
        {
            while (true)
            {
                var read = await _socket.ReceiveAsync(buffer, SocketFlags.None);
                if (read == 0)
                    break;
                _body.Feed(buffer.AsSpan(0, read), DateTimeOffset.UtcNow);
            }
            _firstEvent.TrySetException(new IOException("the server closed the stream before its first event"));
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or InvalidDataException)
        {
            _firstEvent.TrySetException(ex);
        }
    }

    private void OnEvent(RawSseEvent evt)
    {
        Events++;
        _firstEvent.TrySetResult();
        _onEvent?.Invoke(evt);
    }

    public void Dispose()
    {
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // Already gone.
        }
        _socket.Dispose();
    }
}
