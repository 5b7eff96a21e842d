using Aura.Core.Media.Rendering;
using Microsoft.Extensions.Time.Testing;

namespace Aura.Tests.Rendering;

public class FFmpegProgressParserTests
{
    private readonly FakeTimeProvider _time = new();

    private FFmpegProgressParser Parser(double? expectedSeconds = 10) =>
        new(expectedSeconds is { } s ? TimeSpan.FromSeconds(s) : null, _time);

    private static FFmpegProgress? Block(FFmpegProgressParser parser, string outTimeUs, string progress = "continue")
    {
        Assert.Null(parser.Feed("frame=12"));
        Assert.Null(parser.Feed("out_time_us=" + outTimeUs));
        Assert.Null(parser.Feed("out_time=00:00:01.000000"));
        return parser.Feed("progress=" + progress);
    }

    [Fact]
    public void A_block_reports_the_percent_of_the_expected_duration()
    {
        var progress = Block(Parser(), "2500000");

        Assert.Equal(TimeSpan.FromSeconds(2.5), progress!.OutTime);
        Assert.Equal(25, progress.Percent);
    }

    [Theory]
    [InlineData("N/A")]
    [InlineData("-9223372036854775807")]
    [InlineData("-40000")]
    public void Unknown_and_negative_out_times_are_not_progress(string outTimeUs)
    {
        var parser = Parser();
        Block(parser, "1000000");

        var progress = Block(parser, outTimeUs);

        Assert.Equal(TimeSpan.FromSeconds(1), progress!.OutTime);
        Assert.Equal(10, progress.Percent);
    }

    [Fact]
    public void Out_time_beyond_the_expected_duration_is_clamped_and_the_percent_capped_at_99()
    {
        var progress = Block(Parser(), "15000000");

        Assert.Equal(TimeSpan.FromSeconds(10), progress!.OutTime);
        Assert.Equal(99, progress.Percent);
    }

    [Fact]
    public void Progress_end_stays_at_99_until_the_process_exits()
    {
        var parser = Parser();

        var last = Block(parser, "10000000", "end");

        Assert.Equal(99, last!.Percent);
        Assert.Equal(100, parser.Completed().Percent);
    }

    [Fact]
    public void The_eta_is_the_remaining_share_of_the_elapsed_wall_time()
    {
        var parser = Parser();
        _time.Advance(TimeSpan.FromSeconds(4));

        var progress = Block(parser, "2500000");

        // 25 % took 4 s, so 75 % takes 12 s more.
        Assert.Equal(12, progress!.EtaSeconds);
    }

    [Fact]
    public void Without_an_expected_duration_there_is_no_percent_and_no_eta()
    {
        var progress = Block(Parser(expectedSeconds: null), "2500000");

        Assert.Equal(0, progress!.Percent);
        Assert.Null(progress.EtaSeconds);
    }

    [Fact]
    public void Before_any_output_there_is_no_eta()
    {
        var progress = Block(Parser(), "N/A");

        Assert.Equal(0, progress!.Percent);
        Assert.Null(progress.EtaSeconds);
    }

    [Fact]
    public void Out_time_never_goes_back()
    {
        var parser = Parser();
        Block(parser, "5000000");

        Assert.Equal(50, Block(parser, "4000000")!.Percent);
    }
}
