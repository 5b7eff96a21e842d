namespace Aura.Api.Sse;

/// <summary>A write to an event stream stalled past <c>Sse:WriteTimeout</c>: the client stopped reading, and its connection was cut.</summary>
public sealed class SseWriteTimeoutException(TimeSpan timeout)
    : Exception($"a write to the event stream stalled for more than {timeout}; the client does not read");
