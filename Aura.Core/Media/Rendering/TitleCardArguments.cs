using System.Text.RegularExpressions;
using Aura.Core.Kernel;

namespace Aura.Core.Media.Rendering;

/// <summary>
/// The FFmpeg arguments that draw one title card PNG (pure; no I/O). Text reaches FFmpeg only
/// through the text files (<c>textfile=…:expansion=none</c>): nothing a user wrote is ever part
/// of the filter, and <c>%</c> sequences in it are not expanded.
/// </summary>
public static partial class TitleCardArguments
{
    public static IReadOnlyList<string> Build(TitleCardInput input, TitleCardFonts fonts)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(fonts);
        var (width, height) = RenderArguments.EvenSize(input.Resolution);
        var style = input.Style ?? new TitleCardStyle();
        var layout = TitleCardLayout.For(input.Resolution);

        var filters = new List<string>
        {
            DrawText(fonts.Bold, input.TitleTextFile, Color(style.TitleColor), layout.TitleFontSize, layout.TitleY),
        };
        if (input.BodyTextFile is not null)
            filters.Add(DrawText(fonts.Regular, input.BodyTextFile, Color(style.BodyColor), layout.BodyFontSize, layout.BodyY));

        var args = new List<string>(ArgumentParts.Start)
        {
            "-f", "lavfi", "-i", $"color=c={Color(style.Background)}:s={width}x{height}:r=1",
            "-vf", string.Join(',', filters),
            "-frames:v", "1", "-update", "1",
        };
        args.AddRange(ArgumentParts.Progress);
        args.Add(ArgumentParts.FilePath(input.OutputPng, nameof(input.OutputPng)));
        return args;
    }

    private static string DrawText(string? fontFile, string textFile, string color, int fontSize, int y)
    {
        var font = fontFile is null ? "" : $"fontfile={FilterEscaping.OptionValue(fontFile)}:";
        var text = FilterEscaping.OptionValue(ArgumentParts.FilePath(textFile, nameof(textFile)));
        var lineSpacing = ArgumentParts.Number(fontSize / 3);
        return $"drawtext={font}textfile={text}:expansion=none:fontsize={ArgumentParts.Number(fontSize)}"
            + $":fontcolor={color}:line_spacing={lineSpacing}:x=(w-text_w)/2:y={ArgumentParts.Number(y)}";
    }

    /// <summary>Colors are refused unless plainly a name or hex, so a style can never inject filter syntax.</summary>
    internal static string Color(string color) =>
        SafeColor().IsMatch(color) ? color : throw new ArgumentException($"Not a color FFmpeg takes here: '{color}'.", nameof(color));

    [GeneratedRegex("^((0x|#)?[0-9A-Fa-f]{6}([0-9A-Fa-f]{2})?|[A-Za-z]{1,32})$")]
    private static partial Regex SafeColor();
}
