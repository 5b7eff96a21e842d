namespace Aura.Core.Pipeline;

/// <param name="Narration">How long the scene's spoken narration lasts (measured with ffprobe).</param>
public sealed record TimelineScene(int Index, string Title, TimeSpan Start, TimeSpan Duration, TimeSpan Narration);
