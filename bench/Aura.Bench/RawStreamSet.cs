using System.Diagnostics;
using System.Net;

namespace Aura.Bench;

/// <summary>
/// Many raw event streams on one path, opened a bounded number at a time and held (read and drained)
/// until closed. The same client for the service and the floor.
/// </summary>
public sealed class RawStreamSet(IPEndPoint server, string path, Action<RawSseEvent>? onEvent = null)
{
    /// <summary>Streams being opened at once: a browser-like burst, the same for both servers.</summary>
    public const int OpenInParallel = 64;
    private static readonly TimeSpan FirstEventPatience = TimeSpan.FromSeconds(120);
    private readonly List<RawSseConnection> _open = [];

    public int Count
    {
        get { lock (_open) return _open.Count; }
    }

    /// <summary>Body bytes received on every stream so far.</summary>
    public long BodyBytes
    {
        get { lock (_open) return _open.Sum(c => c.BodyBytes); }
    }

    /// <summary>Opens <paramref name="count"/> more streams; the time until every one of them has its first event.</summary>
    public async Task<TimeSpan> OpenAsync(int count)
    {
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = OpenInParallel }, async (_, cancel) =>
        {
            var connection = await RawSseConnection.OpenAsync(server, path, onEvent, cancel);
            lock (_open)
                _open.Add(connection);
            await connection.FirstEvent.WaitAsync(FirstEventPatience, cancel);
        });
        return clock.Elapsed;
    }

    /// <summary>Closes every stream from the client's side and waits for the readers to stop.</summary>
    public async Task CloseAllAsync()
    {
        RawSseConnection[] open;
        lock (_open)
        {
            open = [.. _open];
            _open.Clear();
        }
        foreach (var connection in open)
            connection.Dispose();
        await Task.WhenAll(open.Select(c => c.Reading)).WaitAsync(TimeSpan.FromSeconds(30));
    }
}
