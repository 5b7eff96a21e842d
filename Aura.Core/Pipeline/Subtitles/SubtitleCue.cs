using Aura.Core.Kernel;

namespace Aura.Core.Pipeline.Subtitles;

/// <summary>One SRT cue. <see cref="Text"/> holds its lines joined by <c>\n</c>.</summary>
public sealed record SubtitleCue(int Number, TimeSpan Start, TimeSpan End, string Text)
{
    public IReadOnlyList<string> Lines => Text.Split('\n');
}
