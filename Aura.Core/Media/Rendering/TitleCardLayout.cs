using Aura.Core.Kernel;

namespace Aura.Core.Media.Rendering;

/// <summary>
/// Where and how big a title card's text is, and how much fits on a line. drawtext does not wrap,
/// so the caller wraps the text (see <c>Providers.Visuals.TextWrapper</c>) before writing the text files.
/// </summary>
public sealed record TitleCardLayout(int TitleFontSize, int BodyFontSize, int TitleY, int BodyY, int TitleCharsPerLine, int BodyCharsPerLine)
{
    /// <summary>DejaVu Sans averages a little over half an em per character; 0.6 leaves a margin.</summary>
    private const double AverageCharWidthEm = 0.6;

    /// <summary>The title is bold, and DejaVu Sans Bold is wider (its "x" alone is 0.71 em): a line of them must still fit.</summary>
    private const double BoldCharWidthEm = 0.72;

    public static TitleCardLayout For(Resolution resolution)
    {
        var titleSize = Math.Max(8, resolution.Height / 12);
        var bodySize = Math.Max(6, resolution.Height / 22);
        var usableWidth = resolution.Width * 0.88;
        return new TitleCardLayout(
            titleSize,
            bodySize,
            TitleY: resolution.Height * 18 / 100,
            BodyY: resolution.Height * 45 / 100,
            TitleCharsPerLine: Math.Max(8, (int)(usableWidth / (titleSize * BoldCharWidthEm))),
            BodyCharsPerLine: Math.Max(8, (int)(usableWidth / (bodySize * AverageCharWidthEm))));
    }
}
