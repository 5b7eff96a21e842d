using System.Text;
using Aura.Core.Pipeline.Scripts;
using Aura.Core.Kernel;
using Aura.Core.Pipeline;
using Aura.Core.Media.Rendering;

namespace Aura.Core.Pipeline.Visuals;

/// <summary>
/// Draws a scene's title card with FFmpeg: the title and the narration, wrapped here to the card's
/// width and cut with an ellipsis when too long, are written to small UTF-8 files in the job's
/// folder, and drawtext reads them (<c>textfile=…:expansion=none</c>). Whatever the user wrote
/// (quotes, colons, backslashes, <c>%{…}</c>, brackets) therefore never becomes filter syntax.
/// </summary>
public sealed class FFmpegTitleCardProvider(IFFmpegRunner ffmpeg, FontLocator fonts) : IVisualProvider
{
    public const int TitleLines = 2;

    public async Task DrawAsync(ScriptScene scene, VideoScript script, RenderSpec spec, string pngPath, JobContext job, CancellationToken cancellationToken)
    {
        var layout = TitleCardLayout.For(spec.Res);
        var textFolder = Directory.CreateDirectory(new WorkLayout(job.WorkFolder).TextFolder).FullName;
        var stem = Path.GetFileNameWithoutExtension(pngPath);

        var titleText = string.IsNullOrWhiteSpace(scene.Title) ? script.Title : scene.Title;
        var titleFile = await WriteLinesAsync(Path.Combine(textFolder, stem + "-title.txt"),
            TextWrapper.Wrap(titleText, layout.TitleCharsPerLine, TitleLines), cancellationToken);
        var bodyLines = TextWrapper.Wrap(scene.Narration, layout.BodyCharsPerLine, BodyLines(layout, spec.Res));
        var bodyFile = bodyLines.Count == 0 ? null
            : await WriteLinesAsync(Path.Combine(textFolder, stem + "-body.txt"), bodyLines, cancellationToken);

        var arguments = TitleCardArguments.Build(new TitleCardInput(titleFile, bodyFile, spec.Res, pngPath), fonts.Find());
        var run = new FFmpegRun(job.FFmpeg, $"title card {scene.Index + 1}", arguments, ExpectedDuration: null, [pngPath], spec.Res);
        await ffmpeg.RunAsync(run, onProgress: null, cancellationToken);
    }

    /// <summary>As many body lines as fit between the body's top and a bottom margin (a line takes about 1.5 × the font size).</summary>
    internal static int BodyLines(TitleCardLayout layout, Resolution res)
    {
        var lineHeight = layout.BodyFontSize * 1.5;
        var room = res.Height * 0.92 - layout.BodyY;
        return Math.Max(1, (int)(room / lineHeight));
    }

    private static async Task<string> WriteLinesAsync(string path, IReadOnlyList<string> lines, CancellationToken cancellationToken)
    {
        // drawtext needs some text: an empty title becomes one space rather than an FFmpeg error.
        var text = lines.Count == 0 ? " " : string.Join('\n', lines);
        await File.WriteAllTextAsync(path, text, new UTF8Encoding(false), cancellationToken);
        return path;
    }
}
