using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Text.Json;

namespace Aura.Tests.Support;

/// <summary>
/// One open event stream, read with .NET's own <see cref="SseParser"/> (an independent parser, not ours).
/// </summary>
public sealed class SseSession : IAsyncDisposable
{
    // How long a read waits for the next event before the test fails: generous, for a busy machine.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly CancellationTokenSource _cancel = new();
    private readonly IAsyncEnumerator<SseItem<string>> _items;
    private Task<bool>? _pending;

    private SseSession(HttpResponseMessage response, Stream body)
    {
        Response = response;
        _items = SseParser.Create(body).EnumerateAsync(_cancel.Token).GetAsyncEnumerator(_cancel.Token);
    }

    public HttpResponseMessage Response { get; }

    public List<SseItem<string>> Received { get; } = [];

    public static async Task<SseSession> OpenAsync(HttpClient client, string url, string? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is not null)
            request.Headers.Add("Last-Event-ID", lastEventId);
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).WaitAsync(Patience);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return new SseSession(response, await response.Content.ReadAsStreamAsync());
    }

    /// <summary>The next event, or null when the server ended the stream.</summary>
    public async Task<SseItem<string>?> NextAsync()
    {
        _pending = _items.MoveNextAsync().AsTask();
        try
        {
            if (!await _pending.WaitAsync(Patience))
                return null;
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The stream sent no event for {Patience.TotalSeconds} s and did not end; got {string.Join(", ", Received.Select(i => i.EventType))}");
        }
        _pending = null;
        Received.Add(_items.Current);
        return _items.Current;
    }

    public async Task<List<SseItem<string>>> ReadUntilAsync(Func<SseItem<string>, bool> last)
    {
        var read = new List<SseItem<string>>();
        while (await NextAsync() is { } item)
        {
            read.Add(item);
            if (last(item))
                return read;
        }
        throw new InvalidOperationException($"The stream ended before the expected event; got {string.Join(", ", read.Select(i => i.EventType))}");
    }

    public async Task<List<SseItem<string>>> ReadToEndAsync()
    {
        var read = new List<SseItem<string>>();
        while (await NextAsync() is { } item)
            read.Add(item);
        return read;
    }

    public async ValueTask DisposeAsync()
    {
        await _cancel.CancelAsync();
        Response.Dispose();
        // A read still waiting (the test gave up on it) must finish before the parser can be disposed.
        if (_pending is not null)
            await _pending.ContinueWith(_ => { }, TaskScheduler.Default);
        await _items.DisposeAsync();
        _cancel.Dispose();
    }
}

public static class SseItems
{
    public static JsonElement Json(this SseItem<string> item) => JsonDocument.Parse(item.Data).RootElement;

    public static string? Get(this SseItem<string> item, string property) =>
        item.Json().TryGetProperty(property, out var value) ? value.ToString() : null;

    /// <summary>The id the stream was at after this event: the last id seen up to it.</summary>
    public static string? LastId(this IEnumerable<SseItem<string>> items) => items.LastOrDefault(i => i.EventId is not null).EventId;
}
