using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Text.Json;

namespace Aura.Bench;

/// <summary>
/// Reads one SSE stream with .NET's <see cref="SseParser"/>, stamping each event with its receipt time and
/// the server's time of the change (<c>timestamp</c>, or a whole job's <c>updatedAt</c> on the all-jobs stream).
/// </summary>
public static class EventFollower
{
    /// <summary>
    /// Follows <paramref name="path"/> until <paramref name="stop"/> says so or <paramref name="cancel"/> fires;
    /// returns when the response headers came and every event received until then.
    /// </summary>
    public static async Task<(DateTimeOffset Opened, IReadOnlyList<ReceivedEvent> Events)> FollowAsync(
        HttpClient streamClient, string path, Func<ReceivedEvent, bool> stop, CancellationToken cancel)
    {
        var events = new List<ReceivedEvent>();
        var opened = DateTimeOffset.UtcNow;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
            using var response = await streamClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel);
            response.EnsureSuccessStatusCode();
            opened = DateTimeOffset.UtcNow;
            await using var body = await response.Content.ReadAsStreamAsync(cancel);
            await foreach (var item in SseParser.Create(body).EnumerateAsync(cancel))
            {
                var receivedAt = DateTimeOffset.UtcNow; // first thing: the moment this event reached the client
                var data = JsonDocument.Parse(item.Data).RootElement.Clone();
                DateTimeOffset? serverTime = data.TryGetProperty("timestamp", out var t) ? t.GetDateTimeOffset()
                    : data.TryGetProperty("updatedAt", out var u) ? u.GetDateTimeOffset() : null;
                var received = new ReceivedEvent(item.EventType, serverTime, receivedAt, data);
                events.Add(received);
                if (stop(received))
                    break;
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // The caller has seen what it waited for (or gave up): what arrived so far is the answer.
        }
        return (opened, events);
    }
}
