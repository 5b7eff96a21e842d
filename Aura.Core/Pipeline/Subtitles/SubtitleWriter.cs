using System.Globalization;
using System.Text;
using Aura.Core.Pipeline.Scripts;
using Aura.Core.Kernel;

namespace Aura.Core.Pipeline.Subtitles;

/// <summary>
/// Turns timed narration into SRT: each scene's words are split into cues of readable length, each cue
/// lasting its share of the scene's words, cues back to back and none past the scene's end. The text is
/// made to read literally (<see cref="SrtText"/>): user text never becomes a timing line, a tag or a style.
/// </summary>
public static class SubtitleWriter
{
    private static readonly Encoding Utf8NoBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public static IReadOnlyList<SubtitleCue> BuildCues(IEnumerable<SubtitleScene> scenes, SubtitleLayout? layout = null)
    {
        layout ??= SubtitleLayout.Default;
        var cues = new List<SubtitleCue>();
        foreach (var scene in scenes)
        {
            var chunks = SplitIntoCueTexts(NarrationText.SplitWords(scene.Narration), layout);
            var totalWords = chunks.Sum(c => c.Words);
            var wordsBefore = 0;
            foreach (var (text, words) in chunks)
            {
                var start = PointInScene(scene, wordsBefore, totalWords);
                wordsBefore += words;
                cues.Add(new SubtitleCue(cues.Count + 1, start, PointInScene(scene, wordsBefore, totalWords), SrtText.Literal(text)));
            }
        }
        return cues;
    }

    /// <summary>The SRT text: 1-based numbers, <c>HH:MM:SS,mmm --> HH:MM:SS,mmm</c>, a blank line after each cue.</summary>
    public static string Format(IEnumerable<SubtitleCue> cues)
    {
        var srt = new StringBuilder();
        foreach (var cue in cues)
        {
            srt.Append(cue.Number.ToString(CultureInfo.InvariantCulture)).Append('\n')
               .Append(Timestamp(cue.Start)).Append(" --> ").Append(Timestamp(cue.End)).Append('\n')
               .Append(cue.Text).Append("\n\n");
        }
        return srt.ToString();
    }

    /// <summary>Writes the SRT as UTF-8 without a byte order mark (which some players show as a stray character).</summary>
    public static async Task<IReadOnlyList<SubtitleCue>> WriteAsync(
        string path, IEnumerable<SubtitleScene> scenes, CancellationToken cancellationToken, SubtitleLayout? layout = null)
    {
        var cues = BuildCues(scenes, layout);
        await File.WriteAllTextAsync(path, Format(cues), Utf8NoBom, cancellationToken);
        return cues;
    }

    public static string Timestamp(TimeSpan time)
    {
        if (time < TimeSpan.Zero) time = TimeSpan.Zero;
        return string.Create(CultureInfo.InvariantCulture,
            $"{(int)time.TotalHours:00}:{time.Minutes:00}:{time.Seconds:00},{time.Milliseconds:000}");
    }

    /// <summary>The time after <paramref name="words"/> of the scene's words, truncated to the millisecond so it never passes the end.</summary>
    private static TimeSpan PointInScene(SubtitleScene scene, int words, int totalWords)
    {
        var duration = Math.Max(0, scene.Duration.Ticks);
        var ticks = scene.Start.Ticks + (totalWords == 0 ? duration : duration * words / totalWords);
        return TimeSpan.FromTicks(ticks - ticks % TimeSpan.TicksPerMillisecond);
    }

    /// <summary>Greedy line filling: a cue closes when its lines are full or a sentence ends after enough text.</summary>
    private static List<(string Text, int Words)> SplitIntoCueTexts(string[] words, SubtitleLayout layout)
    {
        var cues = new List<(string, int)>();
        var lines = new List<string>();
        var line = new StringBuilder();
        var wordsInCue = 0;

        void CloseCue()
        {
            if (line.Length > 0) lines.Add(line.ToString());
            if (lines.Count > 0) cues.Add((string.Join('\n', lines), wordsInCue));
            lines.Clear();
            line.Clear();
            wordsInCue = 0;
        }

        foreach (var word in words)
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > layout.MaxCharsPerLine)
            {
                lines.Add(line.ToString());
                line.Clear();
                if (lines.Count == layout.MaxLinesPerCue) CloseCue();
            }
            // A word longer than a line (a URL, a run of emoji) gets a line of its own rather than being cut.
            line.Append(line.Length > 0 ? " " : "").Append(word);
            wordsInCue++;
            var cueChars = lines.Sum(l => l.Length + 1) + line.Length;
            if (NarrationText.EndsSentence(word) && cueChars >= layout.MinCharsBeforeSentenceBreak) CloseCue();
        }
        CloseCue();
        MergeShortTail(cues, layout);
        return cues;
    }

    /// <summary>A last word or two ("See?") would flash by in a cue of its own; it joins the cue before when that cue has room.</summary>
    private static void MergeShortTail(List<(string Text, int Words)> cues, SubtitleLayout layout)
    {
        if (cues.Count < 2 || cues[^1].Text.Length >= layout.MinCharsBeforeSentenceBreak || cues[^1].Text.Contains('\n')) return;
        var (previous, previousWords) = cues[^2];
        var (tail, tailWords) = cues[^1];
        var lines = previous.Split('\n');
        string? merged = lines[^1].Length + 1 + tail.Length <= layout.MaxCharsPerLine ? $"{previous} {tail}"
            : lines.Length < layout.MaxLinesPerCue ? $"{previous}\n{tail}"
            : null;
        if (merged is null) return;
        cues.RemoveAt(cues.Count - 1);
        cues[^1] = (merged, previousWords + tailWords);
    }
}
