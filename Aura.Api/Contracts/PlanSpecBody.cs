namespace Aura.Api.Contracts;

/// <param name="TargetDuration">A time span such as <c>00:00:30</c>.</param>
public sealed record PlanSpecBody(string? TargetDuration, string? Pacing);
