using System.Text;

namespace Aura.Bench;

/// <summary>
/// The HTTP/1.1 response of an event stream, fed as bytes arrive: the status line and headers, then
/// the chunked body undone, then SSE lines (pure; no I/O). A status other than 200 throws
/// <see cref="InvalidDataException"/> with the start of the response.
/// </summary>
public sealed class RawBodyParser(Action<RawSseEvent> onEvent)
{
    private enum State { Headers, ChunkSize, ChunkData, ChunkEnd, Plain }

    private readonly List<byte> _framingLine = [];
    private readonly List<byte> _sseLine = [];
    private readonly StringBuilder _headers = new();
    private State _state = State.Headers;
    private long _chunkLeft;
    private string? _eventName;
    private StringBuilder? _data;

    public long BodyBytes { get; private set; }

    public void Feed(ReadOnlySpan<byte> bytes, DateTimeOffset receivedAt)
    {
        var i = 0;
        while (i < bytes.Length)
        {
            switch (_state)
            {
                case State.Headers:
                    i = ReadHeaders(bytes, i);
                    break;
                case State.ChunkSize:
                    if (TakeLine(bytes, ref i, _framingLine) is { } size)
                    {
                        var hex = size.Split(';')[0].Trim();
                        if (hex.Length == 0)
                            break;
                        _chunkLeft = Convert.ToInt64(hex, 16);
                        _state = _chunkLeft == 0 ? State.ChunkEnd : State.ChunkData;
                    }
                    break;
                case State.ChunkData:
                    var take = (int)Math.Min(_chunkLeft, bytes.Length - i);
                    Body(bytes.Slice(i, take), receivedAt);
                    i += take;
                    _chunkLeft -= take;
                    if (_chunkLeft == 0)
                        _state = State.ChunkEnd;
                    break;
                case State.ChunkEnd:
                    // The CRLF after a chunk's data.
                    if (TakeLine(bytes, ref i, _framingLine) is not null)
                        _state = State.ChunkSize;
                    break;
                case State.Plain:
                    Body(bytes[i..], receivedAt);
                    i = bytes.Length;
                    break;
            }
        }
    }

    private int ReadHeaders(ReadOnlySpan<byte> bytes, int i)
    {
        while (i < bytes.Length)
        {
            if (TakeLine(bytes, ref i, _framingLine) is not { } line)
                return i;
            if (line.Length > 0)
            {
                _headers.Append(line).Append('\n');
                continue;
            }
            var text = _headers.ToString();
            if (!text.StartsWith("HTTP/1.1 200", StringComparison.Ordinal))
                throw new InvalidDataException($"the stream answered: {text.Split('\n')[0]}");
            _state = text.Contains("transfer-encoding: chunked", StringComparison.OrdinalIgnoreCase) ? State.ChunkSize : State.Plain;
            return i;
        }
        return i;
    }

    /// <summary>A whole line (CR and LF dropped) once its LF has arrived, else null with the part kept.</summary>
    private static string? TakeLine(ReadOnlySpan<byte> bytes, ref int i, List<byte> part)
    {
        var end = bytes[i..].IndexOf((byte)'\n');
        if (end < 0)
        {
            part.AddRange(bytes[i..]);
            i = bytes.Length;
            return null;
        }
        part.AddRange(bytes.Slice(i, end));
        i += end + 1;
        var line = Encoding.UTF8.GetString([.. part]).TrimEnd('\r');
        part.Clear();
        return line;
    }

    private void Body(ReadOnlySpan<byte> bytes, DateTimeOffset receivedAt)
    {
        BodyBytes += bytes.Length;
        var i = 0;
        while (TakeLine(bytes, ref i, _sseLine) is { } line)
            SseLine(line, receivedAt);
    }

    private void SseLine(string line, DateTimeOffset receivedAt)
    {
        if (line.Length == 0)
        {
            if (_data is not null)
                onEvent(new RawSseEvent(_eventName ?? "message", _data.ToString(), receivedAt));
            (_eventName, _data) = (null, null);
            return;
        }
        if (line[0] == ':')
            return;
        var colon = line.IndexOf(':');
        var field = colon < 0 ? line : line[..colon];
        var value = colon < 0 ? "" : line[(colon + 1)..].TrimStart(' ');
        if (field == "event")
            _eventName = value;
        else if (field == "data")
        {
            if (_data is null)
                _data = new StringBuilder(value);
            else
                _data.Append('\n').Append(value);
        }
    }
}
