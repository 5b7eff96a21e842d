namespace Aura.Api.Health;

/// <summary>The <c>streams</c> part of <c>/health</c>.</summary>
public sealed record StreamsHealth(
    int Open, long Opened, long Closed, double? AverageConnectedSeconds, long WriteTimeouts, long Refused, long EventsSent,
    int MaxStreams, int MaxStreamsPerPrincipal, TimeSpan PollInterval, bool WakeOnChange);
