namespace Aura.Api.Health;

/// <summary>The <c>redis</c> part of <c>/health</c> (only with <c>Storage:Provider=Redis</c>).</summary>
/// <param name="Endpoint">The server it talks to; shown only where server paths are (local mode, admins).</param>
/// <param name="PingMilliseconds">The round trip of a PING just made.</param>
public sealed record RedisHealth(bool Ready, bool Connected, string? Endpoint, double? PingMilliseconds, string? Problem);
