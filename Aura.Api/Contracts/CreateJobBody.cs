using Aura.Core.Kernel;

namespace Aura.Api.Contracts;

/// <summary>
/// The create body as it arrives: everything optional, so that missing parts take their defaults
/// and every wrong value is reported by <see cref="CreateJobValidator"/> with its field name.
/// </summary>
public sealed record CreateJobBody(BriefBody? Brief, PlanSpecBody? PlanSpec, VoiceSpecBody? VoiceSpec, RenderSpecBody? RenderSpec);

public sealed record BriefBody(string? Topic, string? Audience, string? Goal, string? Tone, string? Language);

/// <param name="TargetDuration">A time span such as <c>00:00:30</c>.</param>
public sealed record PlanSpecBody(string? TargetDuration, string? Pacing);

public sealed record VoiceSpecBody(string? VoiceName, double? Rate);

public sealed record RenderSpecBody(ResolutionBody? Res, int? Fps, string? Container, int? VideoBitrateK, int? AudioBitrateK);

public sealed record ResolutionBody(int? Width, int? Height);

/// <summary>The quick demo's optional body.</summary>
public sealed record QuickDemoBody(string? Topic);
