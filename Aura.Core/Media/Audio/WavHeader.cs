using System.Buffers.Binary;
using Aura.Core.Kernel;

namespace Aura.Core.Media.Audio;

/// <summary>The canonical 44-byte header of a PCM WAV (RIFF, fmt, data), the shape every player reads.</summary>
internal static class WavHeader
{
    public const int Length = 44;

    public static byte[] Create(WavFormat format, long dataLength)
    {
        // RIFF sizes are 32-bit: at 22050 Hz mono 16-bit that is over 13 hours, far beyond a 10-minute video.
        if (dataLength > uint.MaxValue - 36)
            throw new InvalidOperationException($"A WAV cannot hold {dataLength} bytes of samples; the RIFF limit is 4 GiB.");
        var header = new byte[Length];
        var span = header.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], (uint)(36 + dataLength));
        "WAVE"u8.CopyTo(span[8..]);
        "fmt "u8.CopyTo(span[12..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(span[20..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(span[22..], (ushort)format.Channels);
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], format.SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], format.ByteRate);
        BinaryPrimitives.WriteUInt16LittleEndian(span[32..], (ushort)format.BlockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(span[34..], (ushort)format.BitsPerSample);
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[40..], (uint)dataLength);
        return header;
    }
}
