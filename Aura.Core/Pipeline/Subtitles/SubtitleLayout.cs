namespace Aura.Core.Pipeline.Subtitles;

/// <summary>How much text a cue may show: the usual broadcast limits by default.</summary>
public sealed record SubtitleLayout(int MaxCharsPerLine = 42, int MaxLinesPerCue = 2)
{
    public static SubtitleLayout Default { get; } = new();

    /// <summary>A sentence that ends after this many characters closes its cue, so cues tend to follow sentences.</summary>
    public int MinCharsBeforeSentenceBreak => MaxCharsPerLine / 2;
}
