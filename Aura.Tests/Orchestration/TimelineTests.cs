using Aura.Core.Pipeline;

namespace Aura.Tests.Orchestration;

public sealed class TimelineTests
{
    [Fact]
    public void Scenes_are_laid_end_to_end_each_lasting_its_narration_plus_the_pause()
    {
        var pause = TimeSpan.FromSeconds(0.3);

        var timeline = Timeline.Build([(0, "a", TimeSpan.FromSeconds(2)), (1, "b", TimeSpan.FromSeconds(1.5))], pause);

        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(2.3)], timeline.Scenes.Select(s => s.Start));
        Assert.Equal([TimeSpan.FromSeconds(2.3), TimeSpan.FromSeconds(1.8)], timeline.Scenes.Select(s => s.Duration));
        Assert.Equal(TimeSpan.FromSeconds(4.1), timeline.Duration);
    }

    [Fact]
    public void A_narration_shorter_than_the_target_is_padded_with_an_equal_hold_per_scene_up_to_the_target()
    {
        var pause = TimeSpan.FromSeconds(0.3);

        var timeline = Timeline.Build([(0, "a", TimeSpan.FromSeconds(2)), (1, "b", TimeSpan.FromSeconds(1.5))], pause, TimeSpan.FromSeconds(5));

        Assert.Equal(TimeSpan.FromSeconds(5), timeline.Duration);
        Assert.Equal([TimeSpan.FromSeconds(2.75), TimeSpan.FromSeconds(2.25)], timeline.Scenes.Select(s => s.Duration));
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1.5)], timeline.Scenes.Select(s => s.Narration));
    }

    [Fact]
    public void A_narration_longer_than_the_target_is_never_cut()
    {
        var timeline = Timeline.Build([(0, "a", TimeSpan.FromSeconds(6))], TimeSpan.FromSeconds(0.3), TimeSpan.FromSeconds(5));

        Assert.Equal(TimeSpan.FromSeconds(6.3), timeline.Duration);
    }

    [Fact]
    public async Task A_timeline_reads_back_as_it_was_written()
    {
        using var temp = new TempFolder();
        var timeline = Timeline.Build([(0, "Ünïcode 🎬", TimeSpan.FromMilliseconds(1234))], TimeSpan.FromSeconds(0.3));

        await timeline.WriteAsync(temp.Combine("timeline.json"), CancellationToken.None);
        var read = await Timeline.ReadAsync(temp.Combine("timeline.json"), CancellationToken.None);

        Assert.Equal(timeline.Scenes, read.Scenes);
    }
}
