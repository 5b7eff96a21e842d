using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Core.Media.Rendering;

namespace Aura.Tests.Rendering;

public class TitleCardArgumentsTests
{
    private const string UserTitle = "Hello'; drawtext=text=evil:[x],%{pts}";
    private static readonly TitleCardFonts DejaVu = new("/fonts/DejaVuSans.ttf", "/fonts/DejaVuSans-Bold.ttf");

    private static TitleCardInput Card(string folder) =>
        new(Path.Combine(folder, "title.txt"), Path.Combine(folder, "body.txt"), new Resolution(1280, 720), Path.Combine(folder, "card.png"));

    [Fact]
    public void User_text_never_appears_in_the_arguments_only_the_text_files_do()
    {
        using var folder = new TestFolder();
        File.WriteAllText(folder.File("title.txt"), UserTitle);

        var args = TitleCardArguments.Build(Card(folder.Root), DejaVu);

        Assert.DoesNotContain(args, arg => arg.Contains("Hello") || arg.Contains("evil") || arg.Contains("%{pts}"));
        var filter = args[args.ToList().IndexOf("-vf") + 1];
        Assert.Contains($"textfile={FilterEscaping.OptionValue(folder.File("title.txt"))}:expansion=none", filter);
        Assert.Contains($"textfile={FilterEscaping.OptionValue(folder.File("body.txt"))}:expansion=none", filter);
    }

    [Fact]
    public void The_title_is_bold_the_body_regular_on_a_plain_color_of_the_frame_size()
    {
        var args = TitleCardArguments.Build(Card("/w"), DejaVu);

        var text = string.Join(' ', args);
        Assert.Contains("-f lavfi -i color=c=0x1E293B:s=1280x720:r=1", text);
        Assert.Contains("drawtext=fontfile=" + FilterEscaping.OptionValue("/fonts/DejaVuSans-Bold.ttf") + ":textfile=", text);
        Assert.Contains("drawtext=fontfile=" + FilterEscaping.OptionValue("/fonts/DejaVuSans.ttf") + ":textfile=", text);
        Assert.Contains("-frames:v 1", text);
        Assert.Equal("/w/card.png", args[^1]);
    }

    [Fact]
    public void Without_font_files_drawtext_is_left_to_fontconfig()
    {
        var args = TitleCardArguments.Build(Card("/w"), TitleCardFonts.FontconfigDefault);

        Assert.DoesNotContain(args, arg => arg.Contains("fontfile"));
        Assert.Contains(args, arg => arg.StartsWith("drawtext=textfile="));
    }

    [Fact]
    public void A_title_only_card_has_one_drawtext()
    {
        var args = TitleCardArguments.Build(Card("/w") with { BodyTextFile = null }, DejaVu);

        var filter = args[args.ToList().IndexOf("-vf") + 1];
        Assert.Single(filter.Split("drawtext=", StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("red:s=9999x9999")]
    [InlineData("white,drawtext=text=x")]
    [InlineData("0x12345")]
    public void A_color_that_is_not_a_plain_name_or_hex_is_refused(string color)
    {
        var input = Card("/w") with { Style = new TitleCardStyle(Background: color) };

        Assert.Throws<ArgumentException>(() => TitleCardArguments.Build(input, DejaVu));
    }

    [Fact]
    public async Task Real_ffmpeg_draws_the_card_from_text_files_in_a_folder_named_with_filter_syntax()
    {
        using var folder = new TestFolder();
        var nasty = Directory.CreateDirectory(folder.File(@"it's a: [test], ok; \x")).FullName;
        File.WriteAllText(Path.Combine(nasty, "title.txt"), UserTitle);
        File.WriteAllText(Path.Combine(nasty, "body.txt"), "Line one\nLine two 100%");
        var input = new TitleCardInput(Path.Combine(nasty, "title.txt"), Path.Combine(nasty, "body.txt"), new Resolution(320, 180), Path.Combine(nasty, "card.png"));
        var args = TitleCardArguments.Build(input, new FontLocator().Find());

        await TestFolder.Runner().RunAsync(new FFmpegRun(folder.Job().FFmpeg, "title card", args, null, [input.OutputPng]), null, CancellationToken.None);

        var info = await new FfprobeMediaProbe(new FFmpegLocator(Microsoft.Extensions.Options.Options.Create(new FFmpegOptions()), TimeProvider.System))
            .ProbeAsync(input.OutputPng, CancellationToken.None);
        Assert.Equal((320, 180), (info.Width, info.Height));
    }
}

public class FontLocatorTests
{
    [Fact]
    public void DejaVu_sans_and_its_bold_face_are_found_where_fonts_dejavu_core_puts_them()
    {
        var fonts = new FontLocator().Find();

        Assert.Equal("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", fonts.Regular);
        Assert.Equal("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", fonts.Bold);
    }

    [Fact]
    public void Without_the_fonts_fontconfig_s_default_is_used()
    {
        using var folder = new TestFolder();

        Assert.Equal(TitleCardFonts.FontconfigDefault, new FontLocator([folder.Root]).Find());
    }
}

public class TitleCardLayoutTests
{
    [Fact]
    public void Sizes_follow_the_frame_height()
    {
        var layout = TitleCardLayout.For(new Resolution(1280, 720));

        Assert.Equal(60, layout.TitleFontSize);
        Assert.Equal(32, layout.BodyFontSize);
        Assert.True(layout.BodyCharsPerLine > layout.TitleCharsPerLine);
    }
}
