using System.Globalization;
using System.Text.RegularExpressions;
using Aura.Core.Kernel;

namespace Aura.Core.Pipeline.Scripts;

/// <summary>The one definition of a "word" and of user text made fit to speak, shared by script sizing and subtitles.</summary>
public static partial class NarrationText
{
    private static readonly char[] SentenceEnds = ['.', '!', '?', '…', '。', '！', '？', '؟'];

    /// <summary>Words are runs of non-whitespace: "%{pts}" and "🚀" each count as one.</summary>
    public static int CountWords(string text) => SplitWords(text).Length;

    public static string[] SplitWords(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Characters (text elements) that one spoken word is taken to hold at most; longer runs count as more words.</summary>
    public const int CharactersPerSpokenWord = 10;

    public const string Ellipsis = "…";

    /// <summary>
    /// How many words <paramref name="text"/> takes to say, as the script budgets them: a word counts one per
    /// <see cref="CharactersPerSpokenWord"/> characters, so a 500-character run (a URL, a row of emoji) weighs
    /// what it takes to read out rather than one word.
    /// </summary>
    public static int SpokenWeight(string text) => SplitWords(text).Sum(WordWeight);

    private static int WordWeight(string word) =>
        Math.Max(1, (new StringInfo(word).LengthInTextElements + CharactersPerSpokenWord - 1) / CharactersPerSpokenWord);

    /// <summary>
    /// <paramref name="text"/> cut to at most <paramref name="maxWeight"/> (see <see cref="SpokenWeight"/>) at a word
    /// boundary, with an ellipsis when cut; a first word too heavy on its own is cut between text elements.
    /// </summary>
    public static string Shorten(string text, int maxWeight)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWeight, 1);
        var words = SplitWords(text);
        if (words.Sum(WordWeight) <= maxWeight) return text;
        var kept = new List<string>();
        var weight = 0;
        foreach (var word in words)
        {
            if (weight + WordWeight(word) > maxWeight) break;
            kept.Add(word);
            weight += WordWeight(word);
        }
        if (kept.Count == 0)
        {
            var info = new StringInfo(words[0]);
            kept.Add(info.SubstringByTextElements(0, Math.Min(info.LengthInTextElements, maxWeight * CharactersPerSpokenWord)));
        }
        return string.Join(' ', kept).TrimEnd(',', ';', ':', '-', '–', '—') + Ellipsis;
    }

    /// <summary>User text kept verbatim except that each line break (CR, LF, CRLF, or a run of them) becomes one space; ends trimmed.</summary>
    public static string CollapseNewlines(string? text) =>
        LineBreaks().Replace(text ?? "", " ").Trim();

    /// <summary>Whether the text already closes its sentence, so no full stop is added after it.</summary>
    public static bool EndsSentence(string text) => text.Length > 0 && SentenceEnds.Contains(text[^1]);

    [GeneratedRegex(@"[ \t]*[\r\n\u2028\u2029]+[ \t]*")]
    private static partial Regex LineBreaks();
}
