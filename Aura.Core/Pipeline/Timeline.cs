using Aura.Core.Kernel;

namespace Aura.Core.Pipeline;

/// <summary>
/// When each scene plays in the video: its card is shown for <see cref="TimelineScene.Duration"/>
/// (measured narration plus a pause, and a share of the padding that brings a short video up to its
/// target), starting at <see cref="TimelineScene.Start"/>.
/// Kept as <c>timeline.json</c> so the Render stage can run again without measuring again.
/// </summary>
public sealed record Timeline(IReadOnlyList<TimelineScene> Scenes)
{
    public TimeSpan Duration => Scenes.Count == 0 ? TimeSpan.Zero : Scenes[^1].Start + Scenes[^1].Duration;

    /// <summary>
    /// Lays scenes end to end: each lasts its narration plus <paramref name="pause"/>. When that is shorter than
    /// <paramref name="target"/>, every scene holds its card (in silence) a little longer, an equal share of the
    /// difference in whole milliseconds, so the video is as long as asked; a longer narration is never cut.
    /// </summary>
    public static Timeline Build(IReadOnlyList<(int Index, string Title, TimeSpan Narration)> scenes, TimeSpan pause, TimeSpan target = default)
    {
        var natural = scenes.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Narration + pause);
        var shortfall = scenes.Count == 0 || natural >= target ? 0L : (long)Math.Floor((target - natural).TotalMilliseconds);
        var start = TimeSpan.Zero;
        var laid = new List<TimelineScene>(scenes.Count);
        for (var i = 0; i < scenes.Count; i++)
        {
            var (index, title, narration) = scenes[i];
            var share = shortfall / scenes.Count + (i == scenes.Count - 1 ? shortfall % scenes.Count : 0);
            var duration = narration + pause + TimeSpan.FromMilliseconds(share);
            laid.Add(new TimelineScene(index, title, start, duration, narration));
            start += duration;
        }
        return new Timeline(laid);
    }

    public static Task<Timeline> ReadAsync(string path, CancellationToken cancellationToken) =>
        AtomicFile.ReadJsonAsync<Timeline>(path, cancellationToken);

    public Task WriteAsync(string path, CancellationToken cancellationToken) =>
        AtomicFile.WriteJsonAsync(path, this, cancellationToken);
}
