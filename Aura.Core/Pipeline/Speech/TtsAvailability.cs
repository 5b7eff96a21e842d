namespace Aura.Core.Pipeline.Speech;

/// <param name="Problem">Why it is not available, for the warning a job shows; null when it is.</param>
public sealed record TtsAvailability(bool IsAvailable, string Name, string? Problem = null);
