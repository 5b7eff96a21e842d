namespace Aura.Api.Contracts;

public sealed record MetaLimits(
    int TopicMaxCharacters,
    int TextMaxCharacters,
    int MinDurationSeconds,
    int MaxDurationSeconds,
    int MinFps,
    int MaxFps,
    int ListMaxLimit);
