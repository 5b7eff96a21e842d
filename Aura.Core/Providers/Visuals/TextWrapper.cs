using System.Globalization;
using System.Text;

namespace Aura.Core.Providers.Visuals;

/// <summary>
/// Wraps user text into lines for a title card, in C# rather than in FFmpeg, counting text elements
/// (an emoji or an accented letter is one) so nothing is cut in half. Text that does not fit in
/// <c>maxLines</c> ends with an ellipsis. Newlines and tabs in the text are only spaces here.
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
        var lineLength = 0;
        foreach (var (word, length) in words)
        {
            if (lineLength > 0 && lineLength + 1 + length > maxChars)
            {
                lines.Add(line.ToString());
                line.Clear();
                lineLength = 0;
                if (lines.Count == maxLines)
                    return EndWithEllipsis(lines, maxChars);
            }
            if (lineLength > 0)
            {
                line.Append(' ');
                lineLength++;
            }
            line.Append(word);
            lineLength += length;
        }
        if (lineLength > 0)
            lines.Add(line.ToString());
        return lines;
    }

    /// <summary>A word longer than a line is broken into line-sized pieces.</summary>
    private static IEnumerable<(string Word, int Length)> Split(string word, int maxChars)
    {
        var elements = Elements(word);
        for (var i = 0; i < elements.Count; i += maxChars)
        {
            var piece = elements.Skip(i).Take(maxChars).ToList();
            yield return (string.Concat(piece), piece.Count);
        }
    }

    private static List<string> EndWithEllipsis(List<string> lines, int maxChars)
    {
        var last = Elements(lines[^1]);
        if (last.Count >= maxChars)
            last = last.Take(maxChars - 1).ToList();
        lines[^1] = string.Concat(last).TrimEnd() + Ellipsis;
        return lines;
    }

    private static List<string> Elements(string text)
    {
        var elements = new List<string>();
        var e = StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext())
            elements.Add(e.GetTextElement());
        return elements;
    }
}
