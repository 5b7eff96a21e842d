namespace Aura.Core.Pipeline.Subtitles;

/// <summary>A scene on the narration timeline: what is said, when it starts and how long it lasts (as measured from its WAV).</summary>
public sealed record SubtitleScene(string Narration, TimeSpan Start, TimeSpan Duration);
