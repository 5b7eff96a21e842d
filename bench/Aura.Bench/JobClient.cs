using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text.Json;

namespace Aura.Bench;

/// <summary>One SSE event as the bench saw it: the server's time of the change and the client's time of receipt.</summary>
public sealed record ReceivedEvent(string Name, DateTimeOffset? ServerTime, DateTimeOffset ReceivedAt, JsonElement Data)
{
    public TimeSpan? Latency => ReceivedAt - ServerTime;
}

/// <summary>A job followed from its POST to its terminal event.</summary>
public sealed record FollowedJob(string JobId, DateTimeOffset StreamOpenedAt, IReadOnlyList<ReceivedEvent> Events, TimeSpan WallTime)
{
    public ReceivedEvent? Terminal => Events.LastOrDefault(e => JobClient.TerminalEvents.Contains(e.Name));

    public bool Succeeded => Terminal?.Name == "job-completed";

    /// <summary>
    /// Events about changes made after the stream opened. The first batch of a stream replays what
    /// happened before it connected; its age says nothing about delivery, so it is left out.
    /// </summary>
    public IEnumerable<ReceivedEvent> LiveEvents => Events.Where(e => e.ServerTime >= StreamOpenedAt);
}

/// <summary>Creates jobs and follows their event streams, reading them with .NET's own <see cref="SseParser"/>.</summary>
public static class JobClient
{
    public static readonly IReadOnlySet<string> TerminalEvents = new HashSet<string> { "job-completed", "job-failed", "job-cancelled", "error" };

    private static readonly TimeSpan JobPatience = TimeSpan.FromSeconds(90);

    /// <summary>A small render (320×180, 10 fps, about 6 s): the whole pipeline, cheaply.</summary>
    public static readonly object SmallJob = new
    {
        brief = new { topic = "How event streams deliver progress" },
        planSpec = new { targetDuration = "00:00:06" },
        renderSpec = new { res = new { width = 320, height = 180 }, fps = 10 },
    };

    /// <summary>POSTs <paramref name="body"/> (null: an empty body) and returns the new job's id.</summary>
    public static async Task<string> CreateAsync(ServiceInstance service, string path, object? body)
    {
        using var response = body is null
            ? await service.Client.PostAsync(path, null)
            : await service.Client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"POST {path} on {service.Name} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("jobId").GetString()
            ?? throw new InvalidOperationException($"POST {path} answered no jobId: {text}");
    }

    /// <summary>Creates a job and follows its per-job stream to the terminal event; wall time runs from the POST.</summary>
    public static async Task<FollowedJob> RunAsync(ServiceInstance service, string path, object? body)
    {
        var clock = Stopwatch.StartNew();
        var jobId = await CreateAsync(service, path, body);
        var (opened, events) = await FollowAsync(service, jobId);
        return new FollowedJob(jobId, opened, events, clock.Elapsed);
    }

    public static async Task<JsonElement> GetJobAsync(ServiceInstance service, string jobId) =>
        await service.Client.GetFromJsonAsync<JsonElement>($"/api/jobs/{jobId}");

    private static async Task<(DateTimeOffset Opened, List<ReceivedEvent> Events)> FollowAsync(ServiceInstance service, string jobId)
    {
        using var patience = new CancellationTokenSource(JobPatience);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/jobs/{jobId}/events");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await service.StreamClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, patience.Token);
        response.EnsureSuccessStatusCode();
        var opened = DateTimeOffset.UtcNow;
        await using var body = await response.Content.ReadAsStreamAsync(patience.Token);

        var events = new List<ReceivedEvent>();
        await foreach (var item in SseParser.Create(body).EnumerateAsync(patience.Token))
        {
            var receivedAt = DateTimeOffset.UtcNow; // first thing: the moment this event reached the client
            var data = JsonDocument.Parse(item.Data).RootElement.Clone();
            DateTimeOffset? serverTime = data.TryGetProperty("timestamp", out var t) ? t.GetDateTimeOffset() : null;
            events.Add(new ReceivedEvent(item.EventType, serverTime, receivedAt, data));
            if (TerminalEvents.Contains(item.EventType))
                break;
        }
        return (opened, events);
    }
}
