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

internal static class WavMath
{
    public static TimeSpan FramesToTime(long frames, int sampleRate) =>
        TimeSpan.FromTicks((long)Math.Round((double)frames * TimeSpan.TicksPerSecond / sampleRate));

    public static long TimeToFrames(TimeSpan time, int sampleRate) =>
        time <= TimeSpan.Zero ? 0 : (long)Math.Round(time.Ticks * (double)sampleRate / TimeSpan.TicksPerSecond);
}
