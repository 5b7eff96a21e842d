namespace Aura.Api.Contracts;

public sealed record VoiceSpecBody(string? VoiceName, double? Rate);
