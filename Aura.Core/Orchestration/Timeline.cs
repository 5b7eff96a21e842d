namespace Aura.Core.Orchestration;

/// <summary>
/// When each scene plays in the video: its card is shown for <see cref="TimelineScene.Duration"/>
/// (measured narration plus a pause), starting at <see cref="TimelineScene.Start"/>.
/// Kept as <c>timeline.json</c> so the Render stage can run again without measuring again.
/// </summary>
public sealed record Timeline(IReadOnlyList<TimelineScene> Scenes)
{
    public TimeSpan Duration => Scenes.Count == 0 ? TimeSpan.Zero : Scenes[^1].Start + Scenes[^1].Duration;

    /// <summary>Lays scenes end to end: each lasts its narration plus <paramref name="pause"/>.</summary>
    public static Timeline Build(IReadOnlyList<(int Index, string Title, TimeSpan Narration)> scenes, TimeSpan pause)
    {
        var start = TimeSpan.Zero;
        var laid = new List<TimelineScene>(scenes.Count);
        foreach (var (index, title, narration) in scenes)
        {
            var duration = narration + pause;
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

/// <param name="Narration">How long the scene's spoken narration lasts (measured with ffprobe).</param>
public sealed record TimelineScene(int Index, string Title, TimeSpan Start, TimeSpan Duration, TimeSpan Narration);
