namespace Aura.Core.Media.Audio;

/// <summary>Where one clip landed in a joined WAV.</summary>
public sealed record WavClipPlacement(string SourcePath, TimeSpan Start, TimeSpan Duration, long StartFrame, long FrameCount);
