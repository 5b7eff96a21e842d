using Aura.Core.Pipeline;

namespace Aura.Tests.Orchestration;

public sealed class NarrationFitTests
{
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(0.3);

    [Fact]
    public void The_length_is_every_scenes_speech_and_a_pause_after_each()
    {
        Assert.Equal(TimeSpan.FromSeconds(5.1), NarrationFit.Length([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2.5)], Pause));
    }

    [Theory]
    [InlineData(5.3, false)]
    [InlineData(5.5, true)]
    public void A_narration_over_the_target_by_more_than_the_slack_is_too_long(double seconds, bool tooLong)
    {
        Assert.Equal(tooLong, NarrationFit.IsTooLong(TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void The_next_plan_shrinks_the_words_time_by_how_much_too_long_the_speech_was_leaving_the_pauses_alone()
    {
        // 7.6 s = 7.0 s of speech + 2 pauses; 4.4 s of room for speech in a 5 s video; aim at 90 % of it.
        var plan = NarrationFit.ShorterPlan(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(7.6), TimeSpan.FromSeconds(5), 2, Pause);

        Assert.Equal(5000 * 0.9 * 4.4 / 7.0, plan.TotalMilliseconds, 1.0);
    }

    [Fact]
    public void A_narration_barely_too_long_still_gets_a_clearly_shorter_plan()
    {
        var plan = NarrationFit.ShorterPlan(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(32.5), TimeSpan.FromSeconds(30), 4, Pause);

        Assert.True(plan <= TimeSpan.FromSeconds(27), plan.ToString());
    }

    [Fact]
    public void Only_a_video_over_the_contracts_15_percent_breaks_the_tolerance()
    {
        Assert.False(NarrationFit.BreaksTolerance(TimeSpan.FromSeconds(5.75), TimeSpan.FromSeconds(5)));
        Assert.True(NarrationFit.BreaksTolerance(TimeSpan.FromSeconds(5.76), TimeSpan.FromSeconds(5)));
    }
}
