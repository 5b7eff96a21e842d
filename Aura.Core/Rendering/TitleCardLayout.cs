using System.Text;
using Aura.Core.Jobs;

namespace Aura.Core.Rendering;

/// <summary>
/// Where and how big a title card's text is, and how much fits on a line. drawtext does not wrap,
/// so the caller wraps the text with <see cref="Wrap"/> before writing the text files.
/// </summary>
public sealed record TitleCardLayout(int TitleFontSize, int BodyFontSize, int TitleY, int BodyY, int TitleCharsPerLine, int BodyCharsPerLine)
{
    /// <summary>DejaVu Sans averages a little over half an em per character; 0.6 leaves a margin.</summary>
    private const double AverageCharWidthEm = 0.6;

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
            TitleCharsPerLine: Math.Max(8, (int)(usableWidth / (titleSize * AverageCharWidthEm))),
            BodyCharsPerLine: Math.Max(8, (int)(usableWidth / (bodySize * AverageCharWidthEm))));
    }

    /// <summary>
    /// Breaks <paramref name="text"/> into lines of at most <paramref name="charsPerLine"/> characters at
    /// spaces (a longer word is cut), at most <paramref name="maxLines"/> lines, ending in "…" when cut short.
    /// </summary>
    public static string Wrap(string text, int charsPerLine, int maxLines)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(charsPerLine, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLines, 1);
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in SplitLongWords(text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries), charsPerLine))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > charsPerLine)
            {
                lines.Add(line.ToString());
                line.Clear();
            }
            line.Append(line.Length > 0 ? " " : "").Append(word);
        }
        if (line.Length > 0)
            lines.Add(line.ToString());
        if (lines.Count <= maxLines)
            return string.Join('\n', lines);

        var last = lines[maxLines - 1];
        lines[maxLines - 1] = (last.Length >= charsPerLine ? last[..(charsPerLine - 1)] : last) + "…";
        return string.Join('\n', lines.Take(maxLines));
    }

    private static IEnumerable<string> SplitLongWords(IEnumerable<string> words, int charsPerLine) =>
        words.SelectMany(word => word.Chunk(charsPerLine).Select(chunk => new string(chunk)));
}
