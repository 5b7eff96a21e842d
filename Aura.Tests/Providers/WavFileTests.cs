using System.Buffers.Binary;
using Aura.Core.Media.Audio;

namespace Aura.Tests.Providers;

public sealed class WavFileTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_silent_wav_has_exactly_the_frames_of_its_duration()
    {
        var path = _temp.File("silence.wav");

        await WavFile.WriteSilenceAsync(path, TimeSpan.FromSeconds(1.5), WavFormat.Espeak, CancellationToken.None);

        var info = WavFile.ReadInfo(path);
        Assert.Equal(WavFormat.Espeak, info.Format);
        Assert.Equal(33075, info.FrameCount);
        Assert.Equal(TimeSpan.FromSeconds(1.5), info.Duration);
        Assert.Equal(44 + 33075 * 2, new FileInfo(path).Length);
        Assert.All(await File.ReadAllBytesAsync(path).ContinueWith(t => t.Result[44..]), b => Assert.Equal(0, b));
    }

    [Fact]
    public async Task Concatenating_clips_adds_their_frames_and_the_silence_between_them()
    {
        var format = new WavFormat(8000, 2, 16);
        var first = _temp.File("a.wav");
        var second = _temp.File("b.wav");
        var joined = _temp.File("joined.wav");
        await WavFile.WriteSilenceAsync(first, TimeSpan.FromSeconds(1), format, CancellationToken.None);
        await WavFile.WriteSilenceAsync(second, TimeSpan.FromMilliseconds(250), format, CancellationToken.None);

        var result = await WavFile.ConcatenateAsync([first, second, first], joined, TimeSpan.FromMilliseconds(500), CancellationToken.None);

        var info = WavFile.ReadInfo(joined);
        Assert.Equal(8000 + 4000 + 2000 + 4000 + 8000, info.FrameCount);
        Assert.Equal(TimeSpan.FromSeconds(3.25), info.Duration);
        Assert.Equal(info, result.Info);
        Assert.Equal([0L, 12000L, 18000L], result.Clips.Select(c => c.StartFrame));
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(2.25)], result.Clips.Select(c => c.Start));
        Assert.Equal(TimeSpan.FromMilliseconds(250), result.Clips[1].Duration);
    }

    [Fact]
    public async Task Concatenating_keeps_the_samples_of_each_clip_in_order()
    {
        var first = WriteTone(_temp.File("one.wav"), WavFormat.Espeak, frames: 3, value: 1000);
        var second = WriteTone(_temp.File("two.wav"), WavFormat.Espeak, frames: 2, value: -7);
        var joined = _temp.File("joined.wav");

        await WavFile.ConcatenateAsync([first, second], joined, TimeSpan.FromSeconds(1.0 / 22050), CancellationToken.None);

        var bytes = await File.ReadAllBytesAsync(joined);
        var samples = Enumerable.Range(0, (bytes.Length - 44) / 2)
            .Select(i => BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(44 + i * 2)));
        Assert.Equal(new short[] { 1000, 1000, 1000, 0, -7, -7 }, samples);
    }

    [Fact]
    public async Task Concatenating_clips_of_different_formats_names_both_formats()
    {
        var mono = _temp.File("mono.wav");
        var stereo = _temp.File("stereo.wav");
        var joined = _temp.File("joined.wav");
        await WavFile.WriteSilenceAsync(mono, TimeSpan.FromSeconds(0.1), WavFormat.Espeak, CancellationToken.None);
        await WavFile.WriteSilenceAsync(stereo, TimeSpan.FromSeconds(0.1), new WavFormat(44100, 2, 16), CancellationToken.None);

        var error = await Assert.ThrowsAsync<InvalidDataException>(
            () => WavFile.ConcatenateAsync([mono, stereo], joined, TimeSpan.Zero, CancellationToken.None));

        Assert.Contains("44100 Hz, 2 channel(s)", error.Message);
        Assert.Contains("22050 Hz, 1 channel(s)", error.Message);
        Assert.False(File.Exists(joined));
    }

    [Fact]
    public async Task Silence_in_8_bit_pcm_is_the_unsigned_midpoint()
    {
        var path = _temp.File("silence8.wav");

        await WavFile.WriteSilenceAsync(path, TimeSpan.FromMilliseconds(10), new WavFormat(8000, 1, 8), CancellationToken.None);

        var samples = (await File.ReadAllBytesAsync(path))[44..];
        Assert.Equal(80, samples.Length);
        Assert.All(samples, b => Assert.Equal(0x80, b));
    }

    [Fact]
    public void A_float_wav_is_refused_as_not_pcm()
    {
        var path = _temp.File("float.wav");
        var header = WavHeaderBytes(new WavFormat(22050, 1, 32), 8);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(20), 3); // WAVE_FORMAT_IEEE_FLOAT
        File.WriteAllBytes(path, [.. header, .. new byte[8]]);

        var error = Assert.Throws<InvalidDataException>(() => WavFile.ReadInfo(path));

        Assert.Contains("not PCM", error.Message);
    }

    [Fact]
    public void Reading_skips_a_LIST_chunk_before_the_data()
    {
        var path = _temp.File("list.wav");
        var data = new byte[22050 * 2];
        var list = "LIST"u8.ToArray().Concat(BitConverter.GetBytes(5)).Concat("INFOx"u8.ToArray()).Append((byte)0).ToArray();
        var header = WavHeaderBytes(WavFormat.Espeak, data.Length);
        // RIFF, fmt (0..35), then LIST with an odd size and its pad byte, then data.
        File.WriteAllBytes(path, [.. header[..36], .. list, .. header[36..], .. data]);

        var info = WavFile.ReadInfo(path);

        Assert.Equal(22050, info.FrameCount);
        Assert.Equal(TimeSpan.FromSeconds(1), info.Duration);
        Assert.Equal(36 + list.Length + 8, info.DataOffset);
    }

    [Fact]
    public void Reading_a_data_size_larger_than_the_file_trusts_the_file()
    {
        var path = _temp.File("streamed.wav");
        var header = WavHeaderBytes(WavFormat.Espeak, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(40), uint.MaxValue);
        File.WriteAllBytes(path, [.. header, .. new byte[2205 * 2 + 1]]);

        Assert.Equal(2205, WavFile.ReadInfo(path).FrameCount);
    }

    [Fact]
    public void Reading_a_file_that_is_not_a_wav_says_so()
    {
        var path = _temp.File("text.wav");
        File.WriteAllText(path, "certainly not audio");

        var error = Assert.Throws<InvalidDataException>(() => WavFile.ReadInfo(path));

        Assert.Contains("not a WAV file", error.Message);
    }

    private static string WriteTone(string path, WavFormat format, int frames, short value)
    {
        var data = new byte[frames * format.BlockAlign];
        for (var i = 0; i < data.Length; i += 2) BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan(i), value);
        File.WriteAllBytes(path, [.. WavHeaderBytes(format, data.Length), .. data]);
        return path;
    }

    private static byte[] WavHeaderBytes(WavFormat format, int dataLength)
    {
        var header = new byte[44];
        var s = header.AsSpan();
        "RIFF"u8.CopyTo(s); BinaryPrimitives.WriteInt32LittleEndian(s[4..], 36 + dataLength); "WAVE"u8.CopyTo(s[8..]);
        "fmt "u8.CopyTo(s[12..]); BinaryPrimitives.WriteInt32LittleEndian(s[16..], 16); BinaryPrimitives.WriteInt16LittleEndian(s[20..], 1);
        BinaryPrimitives.WriteInt16LittleEndian(s[22..], (short)format.Channels); BinaryPrimitives.WriteInt32LittleEndian(s[24..], format.SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(s[28..], format.ByteRate); BinaryPrimitives.WriteInt16LittleEndian(s[32..], (short)format.BlockAlign);
        BinaryPrimitives.WriteInt16LittleEndian(s[34..], (short)format.BitsPerSample);
        "data"u8.CopyTo(s[36..]); BinaryPrimitives.WriteInt32LittleEndian(s[40..], dataLength);
        return header;
    }
}
