using System.Globalization;
using System.Text;
using Aura.Core.Kernel;

namespace Aura.Core.Pipeline.Visuals;

/// <summary>
/// Wraps user text into lines for a title card, in C# rather than in FFmpeg, counting text elements
/// (an emoji or an accented letter is one) so nothing is cut in half. A line holds at most
/// <c>maxChars</c> average characters of width: wide characters (capitals, W and M, CJK, emoji) count
/// for more (see <see cref="Width"/>), so a line of them still fits the card. A word wider than a
/// line (a 500-character run) is hard-wrapped. Text that does not fit in <c>maxLines</c> ends with an
/// ellipsis. Newlines and tabs in the text are only spaces here.
/// </summary>
public static class TextWrapper
{
    public const string Ellipsis = "…";

    public static IReadOnlyList<string> Wrap(string text, int maxChars, int maxLines)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLines, 1);
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).SelectMany(w => Split(w, maxChars));
        var lines = new List<string>();
        var line = new StringBuilder();
        var lineWidth = 0.0;
        foreach (var (word, width) in words)
        {
            if (lineWidth > 0 && lineWidth + 1 + width > maxChars)
            {
                lines.Add(line.ToString());
                line.Clear();
                lineWidth = 0;
                if (lines.Count == maxLines)
                    return EndWithEllipsis(lines, maxChars);
            }
            if (lineWidth > 0)
            {
                line.Append(' ');
                lineWidth++;
            }
            line.Append(word);
            lineWidth += width;
        }
        if (lineWidth > 0)
            lines.Add(line.ToString());
        return lines;
    }

    /// <summary>
    /// How wide a text element is, in average characters of DejaVu Sans (which the card layout budgets at
    /// 0.6 em): CJK, emoji and pictographic symbols (U+2600–U+27BF) about two, W, M, m, w, @, % and similar about 1.75, other capitals 1.3, the rest one.
    /// </summary>
    public static double Width(string element)
    {
        var rune = Rune.GetRuneAt(element, 0).Value;
        if (rune >= 0x1F000 || IsEastAsianWide(rune)) return 2;
        if ("WMmw@%&ÆŒæœ—".Contains(element[0], StringComparison.Ordinal)) return 1.75;
        return char.IsUpper(element[0]) ? 1.3 : 1;
    }

    /// <summary>A word wider than a line is broken into pieces that each fit one.</summary>
    private static IEnumerable<(string Word, double Width)> Split(string word, int maxChars)
    {
        var piece = new StringBuilder();
        var width = 0.0;
        foreach (var element in Elements(word))
        {
            var w = Width(element);
            if (width > 0 && width + w > maxChars)
            {
                yield return (piece.ToString(), width);
                piece.Clear();
                width = 0;
            }
            piece.Append(element);
            width += w;
        }
        if (width > 0)
            yield return (piece.ToString(), width);
    }

    private static List<string> EndWithEllipsis(List<string> lines, int maxChars)
    {
        var last = Elements(lines[^1]);
        while (last.Count > 0 && last.Sum(Width) + 1 > maxChars)
            last.RemoveAt(last.Count - 1);
        lines[^1] = string.Concat(last).TrimEnd() + Ellipsis;
        return lines;
    }

    private static bool IsEastAsianWide(int rune) =>
        rune is >= 0x1100 and <= 0x115F or >= 0x2600 and <= 0x27BF or >= 0x2E80 and <= 0xA4CF or >= 0xAC00 and <= 0xD7A3
            or >= 0xF900 and <= 0xFAFF or >= 0xFE30 and <= 0xFE4F or >= 0xFF00 and <= 0xFF60 or >= 0xFFE0 and <= 0xFFE6;

    private static List<string> Elements(string text)
    {
        var elements = new List<string>();
        var e = StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext())
            elements.Add(e.GetTextElement());
        return elements;
    }
}
