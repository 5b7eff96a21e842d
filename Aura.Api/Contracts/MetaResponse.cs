namespace Aura.Api.Contracts;

/// <summary>
/// What a client needs to know about the service's rules to draw them (stages, phases and their
/// share of the percent, statuses, limits), so the web UI keeps no copies that could drift.
/// </summary>
public sealed record MetaResponse(
    IReadOnlyList<StageInfo> Stages,
    IReadOnlyList<string> Statuses,
    IReadOnlyList<string> TerminalStatuses,
    MetaLimits Limits);

/// <summary>A work stage, its contract phase and the slice [From, To] of the job's percent it owns.</summary>
public sealed record StageInfo(string Name, string Phase, int From, int To);

public sealed record MetaLimits(
    int TopicMaxCharacters,
    int TextMaxCharacters,
    int MinDurationSeconds,
    int MaxDurationSeconds,
    int MinFps,
    int MaxFps,
    int ListMaxLimit);
