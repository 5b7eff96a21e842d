namespace Aura.Core.Media.Audio;

/// <summary>What a WAV header says about its audio.</summary>
/// <param name="DataOffset">Where the first sample byte is in the file.</param>
/// <param name="DataLength">How many bytes of samples follow (whole frames only).</param>
public sealed record WavInfo(WavFormat Format, long DataOffset, long DataLength)
{
    public long FrameCount => DataLength / Format.BlockAlign;

    /// <summary>The exact length: frames / sample rate, to the nearest tick.</summary>
    public TimeSpan Duration => WavMath.FramesToTime(FrameCount, Format.SampleRate);
}
