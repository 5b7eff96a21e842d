using System.Text;
using Aura.Core.Kernel;

namespace Aura.Core.Pipeline.Subtitles;

/// <summary>
/// Makes user text read literally in an SRT cue. SRT has no escape syntax, and what reads it interprets
/// markup: FFmpeg's srt demuxer starts a new cue at any line that parses as a timing line (even without
/// a blank line before it); its srt decoder (libavcodec/htmlsubtitles.c, used on the way to the MP4's
/// mov_text track and by mpv) turns <c>&lt;b&gt;</c>, <c>&lt;i&gt;</c>, <c>&lt;u&gt;</c>, <c>&lt;s&gt;</c>,
/// <c>&lt;font …&gt;</c> into styling, drops any other <c>&lt;tag&gt;</c>, keeps <c>{\an8}</c> as a position
/// and drops other <c>{\…}</c> and <c>{y:…}</c> blocks; ASS then reads <c>\N</c>, <c>\n</c>, <c>\h</c> as
/// breaks and spaces. VLC and most players read the same tags.
/// The cure keeps the text looking exactly as typed: a WORD JOINER (U+2060, invisible, zero width, no
/// line break) goes right after every <c>&lt;</c>, <c>{</c> and <c>\</c>, and between <c>--</c> and
/// <c>&gt;</c>, so that no tag, override block, escape or arrow is recognised. Cue lines are rebuilt from
/// words, so a cue never holds a blank line.
/// </summary>
public static class SrtText
{
    public const char WordJoiner = '\u2060';

    public static string Literal(string text)
    {
        var result = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '>' && i >= 2 && text[i - 1] == '-' && text[i - 2] == '-')
                result.Append(WordJoiner);
            result.Append(c);
            if (c is '<' or '{' or '\\')
                result.Append(WordJoiner);
        }
        return result.ToString();
    }

    /// <summary>The text as typed: <see cref="Literal"/> undone (the joiners removed).</summary>
    public static string AsTyped(string text) => text.Replace(WordJoiner.ToString(), "", StringComparison.Ordinal);
}
