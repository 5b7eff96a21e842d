using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Core.Pipeline.Scripts;

namespace Aura.Tests.Providers;

public sealed class TemplateScriptProviderTests
{
    private const string NastyTopic = "It's \"quoted\": C:\\temp\\a %{pts} [in] x;y {ref}\r\nsecond line\nשלום עולם 🚀";
    private const string NastyTopicCollapsed = "It's \"quoted\": C:\\temp\\a %{pts} [in] x;y {ref} second line שלום עולם 🚀";

    private static JobRequest Request(string topic = "Why the sky is blue", double seconds = 30, string pacing = "Conversational",
        string audience = "general", string tone = "friendly", string goal = "explain") =>
        new(new Brief(topic, audience, goal, tone), new PlanSpec(TimeSpan.FromSeconds(seconds), pacing), new VoiceSpec(), new RenderSpec());

    private static int Words(VideoScript script) => script.Scenes.Sum(s => NarrationText.CountWords(s.Narration));

    [Theory]
    [InlineData(5, "Slow")]
    [InlineData(5, "Fast")]
    [InlineData(12, "Conversational")]
    [InlineData(30, "Conversational")]
    [InlineData(30, "Fast")]
    [InlineData(60, "Slow")]
    [InlineData(150, "Fast")]
    [InlineData(600, "Conversational")]
    [InlineData(600, "Slow")]
    public async Task The_narration_fills_the_target_duration_without_exceeding_any_scenes_word_budget(double seconds, string pacing)
    {
        var target = TimeSpan.FromSeconds(seconds);
        var wordsPerMinute = ScriptSizing.WordsPerMinute(pacing);
        var budgets = ScriptSizing.SceneBudgets(ScriptSizing.TotalWords(target, wordsPerMinute), ScriptSizing.SceneCount(target));

        var script = await new TemplateScriptProvider().WriteAsync(Request(seconds: seconds, pacing: pacing), CancellationToken.None);

        Assert.Equal(budgets.Count, script.Scenes.Count);
        Assert.All(script.Scenes, s => Assert.InRange(NarrationText.CountWords(s.Narration), 1, budgets[s.Index]));
        Assert.InRange(Words(script), 0.85 * budgets.Sum(), budgets.Sum());
        var spoken = script.Scenes.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.EstimatedDuration);
        var planned = target * ScriptSizing.SpeechShare; // the rest is pauses, and padding when the speech is short
        Assert.InRange(spoken, planned * 0.85, ScriptSizing.EstimateDuration(budgets.Sum(), wordsPerMinute) + TimeSpan.FromMilliseconds(budgets.Count)); // each scene rounds to the ms
    }

    [Fact]
    public void Each_scene_estimates_its_duration_as_its_words_at_the_pacings_words_per_minute()
    {
        var script = TemplateScriptProvider.Write(Request(seconds: 45, pacing: "Fast"));

        Assert.All(script.Scenes, s => Assert.Equal(
            TimeSpan.FromMilliseconds(Math.Round(NarrationText.CountWords(s.Narration) * 60_000.0 / 170)), s.EstimatedDuration));
    }

    [Theory]
    [InlineData(5, 2)]
    [InlineData(12, 2)]
    [InlineData(20, 3)]
    [InlineData(30, 4)]
    [InlineData(60, 5)]
    [InlineData(120, 6)]
    [InlineData(300, 7)]
    [InlineData(600, 8)]
    public void Longer_videos_get_more_scenes_with_an_opening_that_names_the_topic_and_a_closing(double seconds, int scenes)
    {
        var script = TemplateScriptProvider.Write(Request(seconds: seconds));

        Assert.Equal(scenes, script.Scenes.Count);
        Assert.Equal(Enumerable.Range(0, scenes), script.Scenes.Select(s => s.Index));
        Assert.Equal("Why the sky is blue", script.Title);
        Assert.Equal("Why the sky is blue", script.Scenes[0].Title);
        Assert.Contains("Why the sky is blue.", script.Scenes[0].Narration);
        Assert.Equal(TemplateScriptProvider.ClosingTitle, script.Scenes[^1].Title);
        Assert.Equal(scenes, script.Scenes.Select(s => s.Title).Distinct().Count());
    }

    [Fact]
    public void The_same_request_always_gives_the_same_script()
    {
        var first = ScriptJson.Serialize(TemplateScriptProvider.Write(Request(seconds: 90)));
        var second = ScriptJson.Serialize(TemplateScriptProvider.Write(Request(seconds: 90)));

        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(30)]
    [InlineData(600)]
    public void A_topic_full_of_quotes_braces_filter_syntax_newlines_rtl_and_emoji_is_kept_verbatim(double seconds)
    {
        var script = TemplateScriptProvider.Write(Request(topic: NastyTopic, seconds: seconds));

        Assert.Equal(NastyTopicCollapsed, script.Title);
        Assert.Contains(seconds < 30 ? NastyTopicCollapsed[..NastyTopicCollapsed.IndexOf(" x;y", StringComparison.Ordinal)] : NastyTopicCollapsed,
            script.Scenes[0].Narration);
        Assert.All(script.Scenes, s => Assert.DoesNotContain('\n', s.Narration));
        Assert.DoesNotContain("this topic", script.Scenes[0].Narration);
    }

    [Fact]
    public void A_topic_too_long_to_repeat_is_named_once_and_then_called_this_topic()
    {
        var topic = string.Join(' ', Enumerable.Repeat("a very long topic", 20));

        var script = TemplateScriptProvider.Write(Request(topic: topic, seconds: 600));

        Assert.Contains(topic, script.Scenes[0].Narration);
        Assert.Contains("this topic", script.Scenes[1].Narration);
        Assert.All(script.Scenes.Skip(1), s => Assert.DoesNotContain(topic, s.Narration));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(12)]
    public void A_topic_too_long_for_the_opening_is_said_in_part_cut_at_a_word_with_an_ellipsis(double seconds)
    {
        var topic = string.Join(' ', Enumerable.Repeat("tides rise and fall twice each day", 14)); // about 500 characters
        var target = TimeSpan.FromSeconds(seconds);
        var opening = ScriptSizing.SceneBudgets(ScriptSizing.TotalWords(target, ScriptSizing.ConversationalWordsPerMinute), ScriptSizing.SceneCount(target))[0];

        var script = TemplateScriptProvider.Write(Request(topic: topic, seconds: seconds));

        Assert.Equal(topic, script.Title); // the card shows it whole
        var said = script.Scenes[0].Narration;
        Assert.InRange(NarrationText.SpokenWeight(said), 1, opening);
        var echo = said[(said.IndexOf("tides", StringComparison.Ordinal))..];
        Assert.EndsWith(NarrationText.Ellipsis, echo[..(echo.IndexOf(NarrationText.Ellipsis, StringComparison.Ordinal) + 1)]);
        Assert.StartsWith(echo[..echo.IndexOf(NarrationText.Ellipsis, StringComparison.Ordinal)] + " ", topic + " ");
    }

    [Theory]
    [InlineData("x", 500, 1)]
    [InlineData("😀", 500, 2)]
    public void A_single_word_too_long_to_say_is_cut_between_characters(string unit, int count, int maxWeight)
    {
        var word = string.Concat(Enumerable.Repeat(unit, count));

        var shortened = NarrationText.Shorten(word, maxWeight);

        Assert.Equal(string.Concat(Enumerable.Repeat(unit, maxWeight * NarrationText.CharactersPerSpokenWord)) + NarrationText.Ellipsis, shortened);
        Assert.Equal(maxWeight, NarrationText.SpokenWeight(shortened[..^1]));
    }

    [Fact]
    public void The_audience_changes_what_is_said()
    {
        var forChildren = TemplateScriptProvider.Write(Request(audience: "children", seconds: 60));
        var forExperts = TemplateScriptProvider.Write(Request(audience: "software engineers", seconds: 60));

        var children = string.Join(' ', forChildren.Scenes.Select(s => s.Narration));
        var experts = string.Join(' ', forExperts.Scenes.Select(s => s.Narration));
        Assert.Contains("Have you ever wondered about this?", children);
        Assert.Contains("We'll skip the basics and get to what matters.", experts);
        Assert.DoesNotContain("Have you ever wondered about this?", experts);
        Assert.NotEqual(forChildren.Scenes.Select(s => s.Narration), forExperts.Scenes.Select(s => s.Narration));
    }

    [Fact]
    public void An_audience_the_templates_do_not_know_is_addressed_in_its_own_words()
    {
        var script = TemplateScriptProvider.Write(Request(audience: "balcony gardeners", seconds: 60));

        Assert.Contains("This one is made for balcony gardeners.", script.Scenes[0].Narration);
    }

    [Theory]
    [InlineData("friendly", ToneKind.Friendly)]
    [InlineData("formal", ToneKind.Professional)]
    [InlineData("excited", ToneKind.Energetic)]
    [InlineData("calm and gentle", ToneKind.Calm)]
    public void The_tone_chooses_how_the_video_signs_off(string tone, ToneKind kind)
    {
        var signOffs = ScriptPhrases.SignOffs[kind];

        var closing = TemplateScriptProvider.Write(Request(tone: tone, seconds: 30)).Scenes[^1].Narration;

        // The default tone is friendly, so for the other tones this fails if the tone is ignored.
        Assert.Contains(signOffs, closing.EndsWith);
    }

    [Fact]
    public void The_goal_changes_the_closing_call()
    {
        var teach = TemplateScriptProvider.Write(Request(goal: "teach", seconds: 120));
        var persuade = TemplateScriptProvider.Write(Request(goal: "persuade", seconds: 120));

        Assert.Contains("Try it yourself this week", teach.Scenes[^1].Narration);
        Assert.Contains("Give it a try, and see the difference for yourself.", persuade.Scenes[^1].Narration);
    }

    [Fact]
    public void An_unknown_pacing_is_paced_as_conversational()
    {
        var unknown = TemplateScriptProvider.Write(Request(pacing: "ludicrous speed"));
        var conversational = TemplateScriptProvider.Write(Request(pacing: "Conversational"));

        Assert.Equal(ScriptSizing.ConversationalWordsPerMinute, ScriptSizing.WordsPerMinute("ludicrous speed"));
        Assert.Equal(Words(conversational), Words(unknown));
        Assert.Equal(conversational.Scenes.Select(s => s.EstimatedDuration), unknown.Scenes.Select(s => s.EstimatedDuration));
    }

    [Fact]
    public async Task A_canceled_request_writes_nothing()
    {
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => new TemplateScriptProvider().WriteAsync(Request(), new CancellationToken(canceled: true)));
    }
}
