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
