using System.Globalization;
using System.Text.RegularExpressions;
using Aura.Core.Pipeline.Subtitles;

namespace Aura.Tests.Support;

/// <summary>Tests read what the service wrote. Reads SRT back into cues, strictly: a block that is not number, timing, text is an error, not skipped.</summary>
public static partial class SrtParser
{
    /// <exception cref="FormatException">A cue is malformed; the message names it.</exception>
    public static IReadOnlyList<SubtitleCue> Parse(string srt)
    {
        var text = srt.TrimStart('\uFEFF').Replace("\r\n", "\n").Replace('\r', '\n');
        var cues = new List<SubtitleCue>();
        foreach (var block in BlankLines().Split(text.Trim('\n')))
        {
            if (block.Length == 0) continue;
            var lines = block.Split('\n');
            if (lines.Length < 3)
                throw new FormatException($"SRT cue {cues.Count + 1} has {lines.Length} line(s); a number, a timing line and text are needed.");
            if (!int.TryParse(lines[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                throw new FormatException($"SRT cue {cues.Count + 1} starts with '{lines[0]}' instead of its number.");
            var timing = Timing().Match(lines[1].Trim());
            if (!timing.Success)
                throw new FormatException($"SRT cue {number} has the timing line '{lines[1]}'; expected HH:MM:SS,mmm --> HH:MM:SS,mmm.");
            cues.Add(new SubtitleCue(number, Time(timing, 1), Time(timing, 5), string.Join('\n', lines[2..])));
        }
        return cues;
    }

    private static TimeSpan Time(Match match, int firstGroup)
    {
        int Part(int offset) => int.Parse(match.Groups[firstGroup + offset].Value, CultureInfo.InvariantCulture);
        return new TimeSpan(0, Part(0), Part(1), Part(2), Part(3));
    }

    [GeneratedRegex(@"\n(?:[ \t]*\n)+")]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"^(\d{2,}):(\d{2}):(\d{2}),(\d{3}) --> (\d{2,}):(\d{2}):(\d{2}),(\d{3})$")]
    private static partial Regex Timing();
}
