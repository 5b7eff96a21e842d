namespace Aura.Api.Contracts;

/// <summary>The quick demo's optional body.</summary>
public sealed record QuickDemoBody(string? Topic);
