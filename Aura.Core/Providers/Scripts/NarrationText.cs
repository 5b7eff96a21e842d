using System.Text.RegularExpressions;

namespace Aura.Core.Providers.Scripts;

/// <summary>The one definition of a "word" and of user text made fit to speak, shared by script sizing and subtitles.</summary>
public static partial class NarrationText
{
    private static readonly char[] SentenceEnds = ['.', '!', '?', '…', '。', '！', '？', '؟'];

    /// <summary>Words are runs of non-whitespace: "%{pts}" and "🚀" each count as one.</summary>
    public static int CountWords(string text) => SplitWords(text).Length;

    public static string[] SplitWords(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>User text kept verbatim except that each line break (CR, LF, CRLF, or a run of them) becomes one space; ends trimmed.</summary>
    public static string CollapseNewlines(string? text) =>
        LineBreaks().Replace(text ?? "", " ").Trim();

    /// <summary>Whether the text already closes its sentence, so no full stop is added after it.</summary>
    public static bool EndsSentence(string text) => text.Length > 0 && SentenceEnds.Contains(text[^1]);

    [GeneratedRegex(@"[ \t]*[\r\n\u2028\u2029]+[ \t]*")]
    private static partial Regex LineBreaks();
}
