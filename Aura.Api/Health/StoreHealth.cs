namespace Aura.Api.Health;

/// <summary>The <c>store</c> part of <c>/health</c>.</summary>
public sealed record StoreHealth(bool Ready, string Kind, long? LastVersion, string? Problem);
