using System.Text;
using Aura.Core.Pipeline.Scripts;
using Aura.Core.Pipeline.Subtitles;

namespace Aura.Tests.Providers;

public sealed class SubtitleWriterTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static readonly SubtitleScene[] Scenes =
    [
        new(TemplateScriptProvider.Write(Aura.Core.Kernel.JobRequest.ForTopic("Why the sky is blue")).Scenes[0].Narration,
            TimeSpan.Zero, TimeSpan.FromMilliseconds(7_300)),
        new("Sunlight holds every colour. Air molecules scatter short blue waves far more than long red ones, so blue reaches "
            + "your eyes from every part of the sky. At sunset the light crosses more air and the reds win. 🚀 %{pts} [in] \"quoted\" שלום.",
            TimeSpan.FromMilliseconds(7_800), TimeSpan.FromMilliseconds(13_370)),
    ];

    [Fact]
    public void Cues_are_numbered_from_one_back_to_back_within_each_scene_and_never_past_its_end()
    {
        var cues = SubtitleWriter.BuildCues(Scenes);

        Assert.Equal(Enumerable.Range(1, cues.Count), cues.Select(c => c.Number));
        foreach (var scene in Scenes)
        {
            var end = scene.Start + scene.Duration;
            var inScene = cues.Where(c => c.Start >= scene.Start && c.End <= end).ToList();
            Assert.True(inScene.Count >= 2);
            Assert.Equal(scene.Start, inScene[0].Start);
            Assert.Equal(end, inScene[^1].End);
            Assert.All(inScene.Zip(inScene.Skip(1)), pair => Assert.Equal(pair.First.End, pair.Second.Start));
            Assert.All(inScene, c => Assert.True(c.End > c.Start));
        }
        Assert.Equal(cues.Count, cues.Count(c => Scenes.Any(s => c.Start >= s.Start && c.End <= s.Start + s.Duration)));
    }

    [Fact]
    public void Cues_hold_at_most_two_lines_of_42_characters_and_together_say_every_word_in_order()
    {
        var cues = SubtitleWriter.BuildCues(Scenes);

        Assert.All(cues, c => Assert.InRange(c.Lines.Count, 1, 2));
        Assert.All(cues.SelectMany(c => c.Lines), line => Assert.InRange(line.Length, 1, 42));
        var said = cues.SelectMany(c => NarrationText.SplitWords(c.Text));
        Assert.Equal(Scenes.SelectMany(s => NarrationText.SplitWords(s.Narration)), said);
    }

    [Fact]
    public void A_cue_lasts_its_share_of_the_scenes_words()
    {
        var scene = new SubtitleScene("aaaa bbbb cc cccc dddd eeee", TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(3));

        var cues = SubtitleWriter.BuildCues([scene], new SubtitleLayout(MaxCharsPerLine: 12, MaxLinesPerCue: 1));

        Assert.Equal(["aaaa bbbb cc", "cccc dddd", "eeee"], cues.Select(c => c.Text));
        Assert.Equal([10_000, 11_500, 12_500], cues.Select(c => (int)c.Start.TotalMilliseconds));
        Assert.Equal([11_500, 12_500, 13_000], cues.Select(c => (int)c.End.TotalMilliseconds));
    }

    [Fact]
    public void A_short_last_sentence_joins_the_cue_before_it_instead_of_flashing_by_alone()
    {
        var scene = new SubtitleScene("Air scatters blue light the most of all. See?", TimeSpan.Zero, TimeSpan.FromSeconds(4));

        var cues = SubtitleWriter.BuildCues([scene]);

        Assert.Equal(["Air scatters blue light the most of all.\nSee?"], cues.Select(c => c.Text));
    }

    [Fact]
    public void Times_that_fall_between_milliseconds_are_cut_so_no_cue_runs_past_its_scene()
    {
        var scene = new SubtitleScene("one two three", TimeSpan.Zero, TimeSpan.FromTicks(9_999_999));

        var cues = SubtitleWriter.BuildCues([scene], new SubtitleLayout(MaxCharsPerLine: 5, MaxLinesPerCue: 1));

        Assert.Equal(["00:00:00,000", "00:00:00,333", "00:00:00,666"], cues.Select(c => SubtitleWriter.Timestamp(c.Start)));
        Assert.Equal("00:00:00,999", SubtitleWriter.Timestamp(cues[^1].End));
    }

    [Fact]
    public void The_srt_text_uses_comma_milliseconds_and_a_blank_line_after_each_cue()
    {
        SubtitleCue[] cues =
        [
            new(1, TimeSpan.Zero, new TimeSpan(0, 0, 0, 2, 500), "Hello there."),
            new(2, new TimeSpan(0, 0, 0, 2, 500), new TimeSpan(0, 1, 2, 3, 4), "First line\nsecond line"),
        ];

        var srt = SubtitleWriter.Format(cues);

        Assert.Equal("1\n00:00:00,000 --> 00:00:02,500\nHello there.\n\n2\n00:00:02,500 --> 01:02:03,004\nFirst line\nsecond line\n\n", srt);
    }

    [Fact]
    public async Task The_written_file_is_utf8_without_a_bom_and_parses_back_to_the_same_cues()
    {
        var path = _temp.File(Aura.Api.Contracts.JobOutput.SubtitleName);

        var written = await SubtitleWriter.WriteAsync(path, Scenes, CancellationToken.None);

        var bytes = await File.ReadAllBytesAsync(path);
        Assert.Equal((byte)'1', bytes[0]);
        var parsed = SrtParser.Parse(Encoding.UTF8.GetString(bytes));
        Assert.Equal(written, parsed);
        Assert.Contains(parsed, c => SrtText.AsTyped(c.Text).Contains("%{pts}") && c.Text.Contains("🚀"));
    }

    [Fact]
    public void The_parser_accepts_crlf_a_bom_and_extra_blank_lines()
    {
        var srt = "\uFEFF1\r\n00:00:01,000 --> 00:00:02,000\r\nHi\r\n\r\n\r\n2\r\n00:00:02,000 --> 00:00:03,250\r\nthere\r\n";

        var cues = SrtParser.Parse(srt);

        Assert.Equal([new SubtitleCue(1, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), "Hi"),
            new SubtitleCue(2, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3.25), "there")], cues);
    }

    [Theory]
    [InlineData("1\n00:00:01.000 --> 00:00:02,000\nHi\n", "timing line")]
    [InlineData("one\n00:00:01,000 --> 00:00:02,000\nHi\n", "instead of its number")]
    [InlineData("1\n00:00:01,000 --> 00:00:02,000\n", "line(s)")]
    public void The_parser_names_what_is_wrong_with_a_malformed_cue(string srt, string complaint)
    {
        var error = Assert.Throws<FormatException>(() => SrtParser.Parse(srt));

        Assert.Contains(complaint, error.Message);
    }

    private const string HostileNarration =
        "00:00:05,000 --> 00:09:59,000 <font color=red>red</font> <b>bold</b> {\\an8}top {y:i}gone C:\\new\\Name <script>x</script> < b > done.";

    [Fact]
    public void User_text_that_looks_like_a_timing_line_or_markup_reads_literally_in_the_srt()
    {
        var scene = new SubtitleScene(HostileNarration, TimeSpan.Zero, TimeSpan.FromSeconds(4));

        var cues = SrtParser.Parse(SubtitleWriter.Format(SubtitleWriter.BuildCues([scene])));

        Assert.Equal(SubtitleWriter.BuildCues([scene]).Count, cues.Count);
        Assert.Equal(HostileNarration, string.Join(' ', cues.Select(c => SrtText.AsTyped(c.Text).Replace('\n', ' '))));
        Assert.All(cues, c => Assert.DoesNotContain("-->", c.Text, StringComparison.Ordinal));
        Assert.All(cues, c => Assert.True(c.End <= TimeSpan.FromSeconds(4), c.ToString()));
    }

    [Fact]
    public async Task FFmpeg_reads_the_hostile_srt_as_the_same_cues_with_no_tag_taken_as_styling()
    {
        var scene = new SubtitleScene(HostileNarration, TimeSpan.Zero, TimeSpan.FromSeconds(4));
        var path = _temp.File("hostile.srt");
        var written = await SubtitleWriter.WriteAsync(path, [scene], CancellationToken.None);

        var decoded = SrtParser.Parse(await FFmpegSubtitles.DecodeAsync(path));

        Assert.Equal(written.Select(c => (c.Start, c.End, SrtText.AsTyped(c.Text))), decoded.Select(c => (c.Start, c.End, SrtText.AsTyped(c.Text))));
    }
}
