using Aura.Core.Kernel;

namespace Aura.Core.Pipeline.Subtitles;

/// <summary>A scene on the narration timeline: what is said, when it starts and how long it lasts (as measured from its WAV).</summary>
public sealed record SubtitleScene(string Narration, TimeSpan Start, TimeSpan Duration);

/// <summary>One SRT cue. <see cref="Text"/> holds its lines joined by <c>\n</c>.</summary>
public sealed record SubtitleCue(int Number, TimeSpan Start, TimeSpan End, string Text)
{
    public IReadOnlyList<string> Lines => Text.Split('\n');
}

/// <summary>How much text a cue may show: the usual broadcast limits by default.</summary>
public sealed record SubtitleLayout(int MaxCharsPerLine = 42, int MaxLinesPerCue = 2)
{
    public static SubtitleLayout Default { get; } = new();

    /// <summary>A sentence that ends after this many characters closes its cue, so cues tend to follow sentences.</summary>
    public int MinCharsBeforeSentenceBreak => MaxCharsPerLine / 2;
}
