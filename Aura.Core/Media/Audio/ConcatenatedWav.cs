namespace Aura.Core.Media.Audio;

/// <summary>A joined WAV and where each clip is in it (the subtitle timeline).</summary>
public sealed record ConcatenatedWav(WavInfo Info, IReadOnlyList<WavClipPlacement> Clips);
