using Aura.Core.Kernel;

namespace Aura.Core.Media.Audio;

/// <summary>The format of a PCM WAV: what must match for clips to be joined sample for sample.</summary>
public sealed record WavFormat(int SampleRate, int Channels, int BitsPerSample)
{
    /// <summary>What espeak-ng writes: 22050 Hz, mono, 16-bit.</summary>
    public static WavFormat Espeak { get; } = new(22050, 1, 16);

    /// <summary>Bytes per sample frame (one sample for every channel).</summary>
    public int BlockAlign => Channels * (BitsPerSample / 8);

    public int ByteRate => SampleRate * BlockAlign;

    public override string ToString() => $"{SampleRate} Hz, {Channels} channel(s), {BitsPerSample}-bit PCM";
}

/// <summary>What a WAV header says about its audio.</summary>
/// <param name="DataOffset">Where the first sample byte is in the file.</param>
/// <param name="DataLength">How many bytes of samples follow (whole frames only).</param>
public sealed record WavInfo(WavFormat Format, long DataOffset, long DataLength)
{
    public long FrameCount => DataLength / Format.BlockAlign;

    /// <summary>The exact length: frames / sample rate, to the nearest tick.</summary>
    public TimeSpan Duration => WavMath.FramesToTime(FrameCount, Format.SampleRate);
}

/// <summary>Where one clip landed in a joined WAV.</summary>
public sealed record WavClipPlacement(string SourcePath, TimeSpan Start, TimeSpan Duration, long StartFrame, long FrameCount);

/// <summary>A joined WAV and where each clip is in it (the subtitle timeline).</summary>
public sealed record ConcatenatedWav(WavInfo Info, IReadOnlyList<WavClipPlacement> Clips);

internal static class WavMath
{
    public static TimeSpan FramesToTime(long frames, int sampleRate) =>
        TimeSpan.FromTicks((long)Math.Round((double)frames * TimeSpan.TicksPerSecond / sampleRate));

    public static long TimeToFrames(TimeSpan time, int sampleRate) =>
        time <= TimeSpan.Zero ? 0 : (long)Math.Round(time.Ticks * (double)sampleRate / TimeSpan.TicksPerSecond);
}
