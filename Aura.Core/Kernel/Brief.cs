namespace Aura.Core.Kernel;

public sealed record Brief(
    string Topic,
    string Audience = "general",
    string Goal = "explain",
    string Tone = "friendly",
    string Language = "en");
