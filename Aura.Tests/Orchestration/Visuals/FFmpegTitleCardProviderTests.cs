using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Core.Pipeline;
using Aura.Core.Pipeline.Scripts;
using Aura.Core.Pipeline.Visuals;
using Aura.Core.Media.Rendering;

namespace Aura.Tests.Orchestration.Visuals;

public sealed class FFmpegTitleCardProviderTests : IDisposable
{
    private readonly PipelineHarness _pipeline = new();

    public void Dispose() => _pipeline.Dispose();

    [Fact]
    public async Task A_card_is_a_PNG_of_the_requested_size_with_overlong_text_cut_to_fit_with_an_ellipsis()
    {
        var job = _pipeline.Job();
        var spec = new RenderSpec(new Resolution(320, 180));
        var longNarration = string.Join(' ', Enumerable.Repeat("words that go on and on", 60));
        var scene = new ScriptScene(2, string.Join(' ', Enumerable.Repeat("A very long title", 10)), longNarration, TimeSpan.FromSeconds(3));
        var png = Path.Combine(job.WorkFolder, "card-03.png");

        await _pipeline.Get<IVisualProvider>().DrawAsync(scene, new VideoScript("t", [scene]), spec, png, job, CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(60));

        var image = await _pipeline.Get<IMediaProbe>().ProbeAsync(png, CancellationToken.None);
        Assert.True(image is { HasVideo: true, Width: 320, Height: 180 }, image.ToString());
        var layout = TitleCardLayout.For(spec.Res);
        var body = await File.ReadAllLinesAsync(Path.Combine(job.WorkFolder, "text", "card-03-body.txt"));
        Assert.Equal(FFmpegTitleCardProvider.BodyLines(layout, spec.Res), body.Length);
        Assert.EndsWith(TextWrapper.Ellipsis, body[^1]);
        Assert.All(body, line => Assert.True(line.Length <= layout.BodyCharsPerLine, line));
        var title = await File.ReadAllLinesAsync(Path.Combine(job.WorkFolder, "text", "card-03-title.txt"));
        Assert.Equal(FFmpegTitleCardProvider.TitleLines, title.Length);
        Assert.Contains("Purpose: title card 3", await File.ReadAllTextAsync(job.FFmpegLogPath));
    }

    [Theory]
    [InlineData("W")]
    [InlineData("😀")]
    [InlineData("x")]
    public async Task A_500_character_word_stays_inside_the_card(string letter)
    {
        var job = _pipeline.Job();
        var spec = new RenderSpec(new Resolution(320, 180));
        var word = string.Concat(Enumerable.Repeat(letter, 500));
        var scene = new ScriptScene(0, word, word, TimeSpan.FromSeconds(3));
        var png = Path.Combine(job.WorkFolder, "card-01.png");

        await _pipeline.Get<IVisualProvider>().DrawAsync(scene, new VideoScript(word, [scene]), spec, png, job, CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(60));

        // The outer columns of the card are plain background: no glyph reaches the edges.
        var left = await FFmpegFrames.GrayAsync(png, "crop=3:ih:0:0");
        var right = await FFmpegFrames.GrayAsync(png, "crop=3:ih:iw-3:0");
        Assert.All(left.Concat(right), b => Assert.Equal(left[0], b));
    }
}
