namespace Aura.Api.Contracts;

public sealed record RenderSpecBody(ResolutionBody? Res, int? Fps, string? Container, int? VideoBitrateK, int? AudioBitrateK);
