namespace Aura.Api.Contracts;

/// <summary>A work stage, its contract phase and the slice [From, To] of the job's percent it owns.</summary>
public sealed record StageInfo(string Name, string Phase, int From, int To);
