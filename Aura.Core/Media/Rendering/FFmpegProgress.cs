namespace Aura.Core.Media.Rendering;

/// <param name="Percent">0–100, clamped; never reaches 100 before FFmpeg exits 0.</param>
public sealed record FFmpegProgress(TimeSpan OutTime, double Percent, int? EtaSeconds);
