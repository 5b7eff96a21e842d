namespace Aura.Api.Contracts;

public sealed record ResolutionBody(int? Width, int? Height);
