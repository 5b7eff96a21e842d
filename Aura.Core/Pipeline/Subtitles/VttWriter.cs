using System.Globalization;
using System.Text;

namespace Aura.Core.Pipeline.Subtitles;

/// <summary>
/// The same cues as WebVTT, the only subtitle format browsers play (<c>&lt;track&gt;</c>). VTT, unlike
/// SRT, has character references, so user text is escaped rather than broken up: <c>&amp;</c>,
/// <c>&lt;</c> and <c>&gt;</c> become <c>&amp;amp;</c>, <c>&amp;lt;</c> and <c>&amp;gt;</c>. The SRT's word
/// joiners (<see cref="SrtText"/>) do not protect VTT: a browser still reads <c>&lt;⁠b&gt;</c> as the
/// start of a tag, and an unescaped <c>&amp;</c> starts a reference; so they are taken out first.
/// Escaping <c>&gt;</c> also keeps <c>--&gt;</c> out of cue text, where the format forbids it.
/// </summary>
public static class VttWriter
{
    private static readonly Encoding Utf8NoBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public static string Format(IEnumerable<SubtitleCue> cues)
    {
        var vtt = new StringBuilder("WEBVTT\n\n");
        foreach (var cue in cues)
        {
            vtt.Append(cue.Number.ToString(CultureInfo.InvariantCulture)).Append('\n')
               .Append(Timestamp(cue.Start)).Append(" --> ").Append(Timestamp(cue.End)).Append('\n')
               .Append(Escape(SrtText.AsTyped(cue.Text))).Append("\n\n");
        }
        return vtt.ToString();
    }

    public static Task WriteAsync(string path, IEnumerable<SubtitleCue> cues, CancellationToken cancellationToken) =>
        File.WriteAllTextAsync(path, Format(cues), Utf8NoBom, cancellationToken);

    public static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary><c>HH:MM:SS.mmm</c>: VTT's separator before the milliseconds is a full stop, not SRT's comma.</summary>
    public static string Timestamp(TimeSpan time)
    {
        if (time < TimeSpan.Zero) time = TimeSpan.Zero;
        return string.Create(CultureInfo.InvariantCulture,
            $"{(int)time.TotalHours:00}:{time.Minutes:00}:{time.Seconds:00}.{time.Milliseconds:000}");
    }
}
