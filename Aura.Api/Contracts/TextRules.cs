using System.Globalization;
using Aura.Core.Kernel;

namespace Aura.Api.Contracts;

/// <summary>
/// What free text from a user (a topic, an audience, a goal, a tone) may hold. Lengths count text
/// elements (what a reader sees as one character: an emoji, a letter with its accents), not UTF-16
/// units. Control characters are refused, except tab and newline (LF, or CR LF as Windows sends it):
/// a NUL ends the text for espeak-ng and FFmpeg, and others land raw in the subtitles. The C0 range
/// (U+0000–U+001F), DEL (U+007F) and the C1 range (U+0080–U+009F) are all refused, as
/// <see cref="char.IsControl(char)"/> defines them.
/// </summary>
public static class TextRules
{
    /// <summary>The number of text elements (grapheme clusters) in <paramref name="text"/>.</summary>
    public static int Length(string text) => new StringInfo(text).LengthInTextElements;

    /// <summary>Why <paramref name="text"/> is not acceptable, or null when it is; <paramref name="tooLong"/> words the length problem.</summary>
    public static string? Problem(string text, int maxLength, Func<int, string> tooLong)
    {
        if (FirstControl(text) is { } index)
            return string.Create(CultureInfo.InvariantCulture,
                $"Control characters are not allowed (U+{(int)text[index]:X4} at position {index + 1}); only tab and newline are.");
        var length = Length(text);
        return length > maxLength ? tooLong(length) : null;
    }

    /// <summary>The index of the first control character other than tab, LF and the CR of a CR LF; null when none.</summary>
    private static int? FirstControl(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!char.IsControl(c) || c is '\t' or '\n') continue;
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') continue;
            return i;
        }
        return null;
    }
}
