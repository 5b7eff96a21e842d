using System.Net.Http.Headers;

namespace Aura.Bench;

/// <summary>
/// A set of open event streams that the bench holds and drains (so the server never blocks on a
/// full socket) but otherwise leaves idle.
/// </summary>
public sealed class IdleStreams(ServiceInstance service, string path) : IAsyncDisposable
{
    /// <summary>Streams opened at once: enough to be quick, few enough not to swamp two cores.</summary>
    private const int OpenInParallel = 16;
    private readonly List<(HttpResponseMessage Response, Task Drain)> _open = [];
    private readonly CancellationTokenSource _closing = new();

    public int Count => _open.Count;

    /// <summary>Opens streams until <paramref name="target"/> are open.</summary>
    public async Task GrowToAsync(int target)
    {
        while (_open.Count < target)
        {
            var batch = Math.Min(OpenInParallel, target - _open.Count);
            var opened = await Task.WhenAll(Enumerable.Range(0, batch).Select(_ => OpenOneAsync()));
            _open.AddRange(opened);
        }
    }

    private async Task<(HttpResponseMessage, Task)> OpenOneAsync()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        var response = await service.StreamClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"stream {_open.Count + 1} on {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var body = await response.Content.ReadAsStreamAsync();
        return (response, DrainAsync(body, _closing.Token));
    }

    private static async Task DrainAsync(Stream body, CancellationToken closing)
    {
        var buffer = new byte[1024];
        try
        {
            while (await body.ReadAsync(buffer, closing) > 0)
            {
                // Discard: an idle stream only carries its first batch and keep-alive comments.
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Closed by the bench, or the server went away.
        }
    }

    /// <summary>Closes every stream (the server sees the clients leave) and waits for the drains to end.</summary>
    public async Task CloseAllAsync()
    {
        await _closing.CancelAsync();
        foreach (var (response, _) in _open)
            response.Dispose();
        await Task.WhenAll(_open.Select(o => o.Drain));
        _open.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAllAsync();
        _closing.Dispose();
    }
}
