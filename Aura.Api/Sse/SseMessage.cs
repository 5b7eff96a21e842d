namespace Aura.Api.Sse;

/// <summary>One SSE event to frame: its name and its data (JSON, possibly on several lines).</summary>
public readonly record struct SseMessage(string Event, string Data);
