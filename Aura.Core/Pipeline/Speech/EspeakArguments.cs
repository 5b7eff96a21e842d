using System.Globalization;
using System.Text.RegularExpressions;
using Aura.Core.Kernel;

namespace Aura.Core.Pipeline.Speech;

/// <summary>
/// Builds espeak-ng's argument list (pure, unit-tested). The text is never among the arguments: it goes
/// through stdin, so narration that starts with <c>-</c> is spoken rather than read as an option.
/// </summary>
internal static partial class EspeakArguments
{
    public const string FallbackVoice = "en";
    private const int MinWordsPerMinute = 80;
    private const int MaxWordsPerMinute = 450;

    public static IReadOnlyList<string> Build(VoiceSpec voice, int baseWordsPerMinute, string wavPath) =>
    [
        "-v", SafeVoice(voice.VoiceName),
        "-s", WordsPerMinute(voice.Rate, baseWordsPerMinute).ToString(CultureInfo.InvariantCulture),
        "-b", "1",           // the text on stdin is UTF-8
        "-w", Path.GetFullPath(wavPath),
        "--stdin",           // read all of stdin at once rather than line by line
    ];

    /// <summary>A voice name such as <c>en</c>, <c>en-us</c>, <c>en+f3</c> or <c>gmw/en-GB</c>; anything else becomes <c>en</c>.</summary>
    public static string SafeVoice(string? voiceName) =>
        voiceName is not null && VoicePattern().IsMatch(voiceName) ? voiceName : FallbackVoice;

    /// <summary>Rate × base, clamped to what espeak-ng accepts; a rate that is not a positive number counts as 1.</summary>
    public static int WordsPerMinute(double rate, int baseWordsPerMinute)
    {
        var factor = double.IsFinite(rate) && rate > 0 ? rate : 1.0;
        return (int)Math.Clamp(Math.Round(factor * baseWordsPerMinute), MinWordsPerMinute, MaxWordsPerMinute);
    }

    // Starts with a letter (so it can never look like an option), then letters, digits and - _ + with an optional family/ prefix.
    [GeneratedRegex(@"^([a-z]{2,8}/)?[A-Za-z][A-Za-z0-9_+\-]{0,39}$")]
    private static partial Regex VoicePattern();
}
