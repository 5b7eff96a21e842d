using System.Text;
using Aura.Core.Kernel;

namespace Aura.Core.Media.Rendering;

/// <summary>The last lines of a process's stderr, at most a given number of UTF-8 bytes. Thread-safe.</summary>
public sealed class StderrTail(int maxBytes)
{
    private readonly Queue<(string Line, int Bytes)> _lines = new();
    private readonly Lock _gate = new();
    private int _bytes;

    public void Add(string line)
    {
        var bytes = Encoding.UTF8.GetByteCount(line) + 1;
        if (bytes > maxBytes)
        {
            // One huge line: keep its end, which is where FFmpeg puts the reason.
            line = line[^Math.Min(line.Length, maxBytes / 2)..];
            bytes = Encoding.UTF8.GetByteCount(line) + 1;
        }
        lock (_gate)
        {
            _lines.Enqueue((line, bytes));
            _bytes += bytes;
            while (_bytes > maxBytes && _lines.Count > 1)
                _bytes -= _lines.Dequeue().Bytes;
        }
    }

    public override string ToString()
    {
        lock (_gate)
            return string.Join('\n', _lines.Select(entry => entry.Line));
    }
}
