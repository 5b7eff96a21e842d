namespace Aura.Api.Contracts;

public sealed record BriefBody(string? Topic, string? Audience, string? Goal, string? Tone, string? Language);
