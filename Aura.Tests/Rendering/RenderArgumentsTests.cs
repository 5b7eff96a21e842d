using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Core.Media.Rendering;

namespace Aura.Tests.Rendering;

public class RenderArgumentsTests
{
    private static RenderInput TwoScenes(string output = "/out/video.mp4") => new(
        [("/w/card0.png", TimeSpan.FromSeconds(2.5)), ("/w/card1.png", TimeSpan.FromSeconds(1.25))],
        "/w/narration.wav", "/w/subtitles.srt", new Resolution(1280, 720), 30, 2500, 128, output);

    private static string ValueAfter(IReadOnlyList<string> args, string option) => args[IndexOf(args, option) + 1];

    private static int IndexOf(IReadOnlyList<string> args, string value) => args.ToList().IndexOf(value);

    [Fact]
    public void Each_scene_is_a_looped_image_input_shown_for_its_duration()
    {
        var args = RenderArguments.Build(TwoScenes());

        var text = string.Join(' ', args);
        Assert.Contains("-loop 1 -framerate 30 -t 2.500 -i /w/card0.png", text);
        Assert.Contains("-loop 1 -framerate 30 -t 1.250 -i /w/card1.png", text);
        Assert.Contains("-i /w/narration.wav -f srt -i /w/subtitles.srt", text);
    }

    [Fact]
    public void The_filter_scales_converts_to_yuv420p_fixes_the_rate_and_concatenates_the_cards()
    {
        var graph = ValueAfter(RenderArguments.Build(TwoScenes()), "-filter_complex");

        Assert.Equal(
            "[0:v]scale=1280:720,setsar=1,fps=30,format=yuv420p[v0];[1:v]scale=1280:720,setsar=1,fps=30,format=yuv420p[v1];"
            + "[v0][v1]concat=n=2:v=1:a=0[video]",
            graph);
    }

    [Fact]
    public void Video_audio_and_subtitles_are_mapped_explicitly()
    {
        var text = string.Join(' ', RenderArguments.Build(TwoScenes()));

        Assert.Contains("-map [video] -map 2:a:0 -map 3:s:0", text);
    }

    [Fact]
    public void The_codecs_bitrates_rate_and_container_flags_are_set()
    {
        var text = string.Join(' ', RenderArguments.Build(TwoScenes()));

        Assert.Contains("-c:v libx264 -preset veryfast -b:v 2500k -pix_fmt yuv420p -r 30", text);
        Assert.Contains("-c:a aac -b:a 128k", text);
        Assert.Contains("-c:s mov_text", text);
        Assert.Contains("-movflags +faststart", text);
    }

    [Fact]
    public void The_output_is_bounded_by_the_scenes_total_not_by_the_shortest_stream()
    {
        var args = RenderArguments.Build(TwoScenes());

        Assert.Equal("3.750", ValueAfter(args, "-t", afterMap: true));
        Assert.DoesNotContain("-shortest", args);
    }

    [Fact]
    public void Progress_goes_to_stdout_and_the_output_path_comes_last()
    {
        var args = RenderArguments.Build(TwoScenes());

        Assert.Contains("-progress pipe:1 -nostats", string.Join(' ', args));
        Assert.Contains("-y", args);
        Assert.Contains("-nostdin", args);
        Assert.Equal("/out/video.mp4", args[^1]);
    }

    [Fact]
    public void Relative_paths_are_made_absolute_so_they_never_read_as_options()
    {
        var args = RenderArguments.Build(TwoScenes(output: "-video.mp4"));

        Assert.Equal(Path.GetFullPath("-video.mp4"), args[^1]);
        Assert.StartsWith("/", args[^1]);
    }

    [Fact]
    public void Durations_are_written_with_a_dot_whatever_the_culture()
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.Contains("2.500", RenderArguments.Build(TwoScenes()));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }

    [Theory]
    [InlineData(1281, 720)]
    [InlineData(1280, 0)]
    public void An_odd_or_empty_frame_size_is_refused(int width, int height)
    {
        var input = TwoScenes() with { Resolution = new Resolution(width, height) };

        Assert.ThrowsAny<ArgumentException>(() => RenderArguments.Build(input));
    }

    [Fact]
    public void No_scenes_or_a_zero_length_scene_is_refused()
    {
        Assert.Throws<ArgumentException>(() => RenderArguments.Build(TwoScenes() with { Scenes = [] }));
        Assert.ThrowsAny<ArgumentException>(() => RenderArguments.Build(TwoScenes() with { Scenes = [("/w/c.png", TimeSpan.Zero)] }));
    }

    private static string ValueAfter(IReadOnlyList<string> args, string option, bool afterMap)
    {
        // "-t" appears per input too; the output's one comes after the maps.
        var start = afterMap ? IndexOf(args, "-map") : 0;
        for (var i = start; i < args.Count - 1; i++)
            if (args[i] == option)
                return args[i + 1];
        throw new InvalidOperationException($"{option} not found");
    }
}
