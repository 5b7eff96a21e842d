using System.Buffers.Binary;
using Aura.Core.Kernel;

namespace Aura.Core.Media.Audio;

/// <summary>
/// Reads and writes PCM WAV files in plain C#, so narration can be measured, padded and joined
/// without FFmpeg. Only uncompressed PCM is supported; anything else is refused with a clear message.
/// </summary>
public static class WavFile
{
    private const int PcmFormat = 1;
    private const int ExtensibleFormat = 0xFFFE;

    /// <summary>Reads the format and the sample data's place from the header, skipping chunks such as LIST.</summary>
    /// <exception cref="InvalidDataException">The file is not a PCM WAV.</exception>
    public static WavInfo ReadInfo(string path)
    {
        using var stream = File.OpenRead(path);
        return ReadInfo(stream, path);
    }

    public static TimeSpan ReadDuration(string path) => ReadInfo(path).Duration;

    internal static WavInfo ReadInfo(Stream stream, string name)
    {
        Span<byte> head = stackalloc byte[12];
        if (stream.ReadAtLeast(head, 12, throwOnEndOfStream: false) < 12
            || !head[..4].SequenceEqual("RIFF"u8) || !head[8..12].SequenceEqual("WAVE"u8))
            throw new InvalidDataException($"{name} is not a WAV file (no RIFF/WAVE header).");

        WavFormat? format = null;
        Span<byte> chunk = stackalloc byte[8];
        while (stream.ReadAtLeast(chunk, 8, throwOnEndOfStream: false) == 8)
        {
            var size = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
            var bodyStart = stream.Position;
            if (chunk[..4].SequenceEqual("fmt "u8))
            {
                format = ReadFormat(stream, size, name);
            }
            else if (chunk[..4].SequenceEqual("data"u8))
            {
                if (format is null) throw new InvalidDataException($"{name} has its data before its fmt chunk.");
                // Writers that stream (or were cut off) leave a size larger than the file: trust the file.
                var length = Math.Min(size, stream.Length - bodyStart);
                return new WavInfo(format, bodyStart, length - length % format.BlockAlign);
            }
            // Chunks are word-aligned: an odd size is followed by one pad byte.
            stream.Position = bodyStart + size + (size % 2);
        }
        throw new InvalidDataException($"{name} has no data chunk.");
    }

    private static WavFormat ReadFormat(Stream stream, uint size, string name)
    {
        if (size < 16) throw new InvalidDataException($"{name} has a fmt chunk of {size} bytes; at least 16 expected.");
        Span<byte> fmt = stackalloc byte[16];
        stream.ReadExactly(fmt);
        var tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        var channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
        var rate = BinaryPrimitives.ReadInt32LittleEndian(fmt[4..]);
        var bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);
        if (tag == ExtensibleFormat && size >= 40)
        {
            // WAVE_FORMAT_EXTENSIBLE names the real format in the first two bytes of its SubFormat GUID (offset 24).
            Span<byte> extension = stackalloc byte[24];
            stream.ReadExactly(extension);
            tag = BinaryPrimitives.ReadUInt16LittleEndian(extension[8..]);
        }
        if (tag != PcmFormat)
            throw new InvalidDataException($"{name} is not PCM (format tag {tag}); only uncompressed PCM WAV is supported.");
        if (channels == 0 || rate <= 0 || bits == 0 || bits % 8 != 0)
            throw new InvalidDataException($"{name} has an invalid format: {rate} Hz, {channels} channel(s), {bits}-bit.");
        return new WavFormat(rate, channels, bits);
    }

    /// <summary>Writes a PCM WAV of silence, <paramref name="duration"/> long (rounded to the nearest frame).</summary>
    public static async Task<WavInfo> WriteSilenceAsync(string path, TimeSpan duration, WavFormat format, CancellationToken cancellationToken)
    {
        var frames = WavMath.TimeToFrames(duration, format.SampleRate);
        await WriteAsync(path, format, frames * format.BlockAlign, async output =>
            await WriteSilenceAsync(output, format, frames * format.BlockAlign, cancellationToken), cancellationToken);
        return new WavInfo(format, WavHeader.Length, frames * format.BlockAlign);
    }

    /// <summary>
    /// Joins PCM WAVs of one format into <paramref name="outputPath"/>, with <paramref name="silenceBetween"/>
    /// between consecutive clips (none before the first or after the last).
    /// </summary>
    /// <exception cref="InvalidDataException">A clip is not PCM WAV, or its format differs from the first clip's.</exception>
    public static async Task<ConcatenatedWav> ConcatenateAsync(
        IReadOnlyList<string> inputPaths, string outputPath, TimeSpan silenceBetween, CancellationToken cancellationToken)
    {
        if (inputPaths.Count == 0) throw new ArgumentException("At least one WAV is needed to concatenate.", nameof(inputPaths));
        var infos = inputPaths.Select(ReadInfo).ToList();
        var format = infos[0].Format;
        for (var i = 1; i < infos.Count; i++)
        {
            if (infos[i].Format != format)
                throw new InvalidDataException(
                    $"Cannot concatenate WAVs of different formats: {inputPaths[i]} is {infos[i].Format} but {inputPaths[0]} is {format}.");
        }

        var gapBytes = WavMath.TimeToFrames(silenceBetween, format.SampleRate) * format.BlockAlign;
        var total = infos.Sum(i => i.DataLength) + gapBytes * (infos.Count - 1);
        var clips = new List<WavClipPlacement>(infos.Count);
        long frame = 0;
        for (var i = 0; i < infos.Count; i++)
        {
            var frames = infos[i].FrameCount;
            clips.Add(new WavClipPlacement(inputPaths[i], WavMath.FramesToTime(frame, format.SampleRate),
                infos[i].Duration, frame, frames));
            frame += frames + gapBytes / format.BlockAlign;
        }

        await WriteAsync(outputPath, format, total, async output =>
        {
            for (var i = 0; i < infos.Count; i++)
            {
                if (i > 0) await WriteSilenceAsync(output, format, gapBytes, cancellationToken);
                await using var input = File.OpenRead(inputPaths[i]);
                input.Position = infos[i].DataOffset;
                await CopyExactlyAsync(input, output, infos[i].DataLength, cancellationToken);
            }
        }, cancellationToken);
        return new ConcatenatedWav(new WavInfo(format, WavHeader.Length, total), clips);
    }

    /// <summary>Writes header then body; a file left half-written by a failure or cancel is removed.</summary>
    private static async Task WriteAsync(string path, WavFormat format, long dataLength, Func<Stream, Task> writeBody, CancellationToken cancellationToken)
    {
        try
        {
            await using var output = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true);
            await output.WriteAsync(WavHeader.Create(format, dataLength), cancellationToken);
            await writeBody(output);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    /// <summary>Silence is the zero level: 0 for signed 16/24/32-bit samples, 128 for unsigned 8-bit ones.</summary>
    private static async Task WriteSilenceAsync(Stream output, WavFormat format, long count, CancellationToken cancellationToken)
    {
        var zeros = new byte[(int)Math.Min(count, 64 * 1024)];
        if (format.BitsPerSample == 8) Array.Fill(zeros, (byte)0x80);
        for (var left = count; left > 0; left -= zeros.Length)
            await output.WriteAsync(zeros.AsMemory(0, (int)Math.Min(left, zeros.Length)), cancellationToken);
    }

    private static async Task CopyExactlyAsync(Stream input, Stream output, long count, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        for (var left = count; left > 0;)
        {
            var read = await input.ReadAsync(buffer.AsMemory(0, (int)Math.Min(left, buffer.Length)), cancellationToken);
            if (read == 0) throw new InvalidDataException("A WAV ended before its data chunk did.");
            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            left -= read;
        }
    }
}
