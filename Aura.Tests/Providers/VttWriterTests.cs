using Aura.Core.Pipeline.Subtitles;

namespace Aura.Tests.Providers;

public sealed class VttWriterTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static readonly SubtitleScene[] Hostile =
    [
        new("Salt & pepper <b>bold</b> --> arrow &amp; {\\an8} done.", TimeSpan.Zero, TimeSpan.FromSeconds(4)),
    ];

    [Fact]
    public void The_file_starts_with_the_signature_and_uses_full_stops_in_its_timestamps()
    {
        var cues = SubtitleWriter.BuildCues([new SubtitleScene("One two three. Four five six.", TimeSpan.FromMilliseconds(1500), TimeSpan.FromHours(1))]);

        var vtt = VttWriter.Format(cues);

        Assert.StartsWith("WEBVTT\n\n1\n00:00:01.500 --> ", vtt);
        Assert.Contains(" --> 01:00:01.500\n", vtt);
        Assert.DoesNotContain(",", vtt.Split('\n').Where(l => l.Contains("-->", StringComparison.Ordinal)).First());
    }

    [Fact]
    public void User_text_is_escaped_so_no_tag_reference_or_arrow_is_read_and_no_word_joiner_is_left()
    {
        var vtt = VttWriter.Format(SubtitleWriter.BuildCues(Hostile));
        var text = string.Join(' ', vtt.Split('\n').Skip(3).Where(l => l.Length > 0 && !l.Contains(" --> ", StringComparison.Ordinal) && !l.All(char.IsDigit)));

        Assert.Equal("Salt &amp; pepper &lt;b&gt;bold&lt;/b&gt; --&gt; arrow &amp;amp; {\\an8} done.", text);
        Assert.DoesNotContain(SrtText.WordJoiner, vtt);
    }

    [Fact]
    public async Task FFmpeg_reads_the_written_file_back_as_the_text_that_was_typed()
    {
        var path = _temp.Combine("video.vtt");
        await VttWriter.WriteAsync(path, SubtitleWriter.BuildCues(Hostile), CancellationToken.None);

        var decoded = await FFmpegSubtitles.DecodeAsync(path);

        Assert.Contains("Salt & pepper", decoded);
        Assert.Contains("--> arrow &amp;", decoded.Replace("\n", " ", StringComparison.Ordinal));
        Assert.False(File.ReadAllBytes(path).AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }), "no byte order mark");
    }
}
