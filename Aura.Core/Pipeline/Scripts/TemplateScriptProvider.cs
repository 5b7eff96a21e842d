using System.Globalization;
using System.Text.RegularExpressions;
using Aura.Core.Kernel;

namespace Aura.Core.Pipeline.Scripts;

/// <summary>
/// The offline script writer: an opening that names the topic, body scenes from a fixed set of angles, and a
/// closing, each filled with template sentences picked for the brief's audience, tone and goal and sized so
/// the narration, spoken at the pacing's words per minute, fills about the target duration. A topic too long for
/// the opening is said only in part, cut at a word boundary with an ellipsis (the title card shows it whole). The same request
/// always gives the same script. The templates are English whatever <see cref="Brief.Language"/> says.
/// </summary>
public sealed partial class TemplateScriptProvider : IScriptProvider
{
    public const string ClosingTitle = "Wrapping up";
    private const int LongestTopicToRepeat = 6;
    private const string FallbackTopic = "today's topic";
    private const string UntitledTitle = "A short video";

    public Task<VideoScript> WriteAsync(JobRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Write(request));
    }

    public static VideoScript Write(JobRequest request)
    {
        var brief = request.Brief;
        var topic = NarrationText.CollapseNewlines(brief.Topic);
        var spokenTopic = topic.Length > 0 ? topic : FallbackTopic;
        var style = ScriptStyle.From(brief.Audience, brief.Tone, brief.Goal);
        var wordsPerMinute = ScriptSizing.WordsPerMinute(request.PlanSpec.Pacing);
        var target = request.PlanSpec.TargetDuration;
        var sceneCount = ScriptSizing.SceneCount(target);
        var budgets = ScriptSizing.SceneBudgets(ScriptSizing.TotalWords(target, wordsPerMinute), sceneCount);
        var angles = ScriptPhrases.Angles.Take(sceneCount - 2).ToList();

        // The opening says the topic, cut at a word boundary when it would not leave room for the rest of the scene.
        var echo = NarrationText.Shorten(spokenTopic, Math.Max(1, budgets[0] - 1));
        var placeholders = new Dictionary<string, string>
        {
            ["topic"] = echo,
            ["end"] = NarrationText.EndsSentence(echo) ? "" : ".",
            ["ref"] = NarrationText.SpokenWeight(spokenTopic) <= LongestTopicToRepeat ? spokenTopic : "this topic",
            ["audience"] = style.CustomAudience ?? "",
        };
        string Fill(string template) => Placeholder().Replace(template, m => placeholders[m.Groups[1].Value]);
        IReadOnlyList<string> FillAll(IEnumerable<string> templates) => templates.Select(Fill).ToList();

        var seed = SeededOrder.Hash(string.Join('\n', topic, brief.Audience, brief.Tone, brief.Goal, brief.Language,
            target.Ticks.ToString(CultureInfo.InvariantCulture), wordsPerMinute.ToString(CultureInfo.InvariantCulture)));
        var composer = new NarrationComposer(seed);
        var fillers = ScriptPhrases.Fillers[style.Tone];
        var toneAndGoal = ScriptPhrases.ToneLines[style.Tone].Concat(ScriptPhrases.GoalLines[style.Goal]).ToList();
        var outline = Outline(angles);

        var title = topic.Length > 0 ? topic : UntitledTitle;
        var scenes = new List<ScriptScene>(sceneCount);
        void Add(string title, SceneRecipe recipe)
        {
            var narration = composer.Compose(recipe, budgets[scenes.Count], scenes.Count);
            var words = NarrationText.CountWords(narration);
            scenes.Add(new ScriptScene(scenes.Count, title, narration, ScriptSizing.EstimateDuration(words, wordsPerMinute)));
        }

        var hookExtras = ScriptPhrases.HookExtras[style.Audience];
        IEnumerable<string> openingEssentials = [.. Optional(style.CustomAudience is not null, ScriptPhrases.CustomAudienceLine),
            hookExtras[0], ScriptPhrases.GoalPromises[style.Goal]];
        IEnumerable<string> openingPool = [.. hookExtras[1..], .. Optional(outline is not null, $"We'll look at {outline}."), .. toneAndGoal];
        Add(title, new SceneRecipe(FillAll(ScriptPhrases.Hooks[style.Tone]), Fill(ScriptPhrases.BareHook),
            FillAll(openingEssentials), FillAll(openingPool), fillers, []));

        foreach (var angle in angles)
        {
            // The angle's own sentences follow its lead in order: they carry the scene's thread.
            Add(angle.Title, new SceneRecipe([Fill(angle.Lead)], null, FillAll(angle.Sentences),
                FillAll([.. ScriptPhrases.AudienceLines[style.Audience], .. toneAndGoal]), fillers, [], EssentialsAreAThread: true));
        }

        IEnumerable<string> closingEssentials = [ScriptPhrases.ClosingCalls[style.Goal], ScriptPhrases.ClosingThoughts[style.Audience]];
        IEnumerable<string> closingPool = [.. Optional(outline is not null, $"We looked at {outline}."), .. ScriptPhrases.GoalLines[style.Goal]];
        Add(ClosingTitle, new SceneRecipe(FillAll(ScriptPhrases.ClosingLeads), null, FillAll(closingEssentials), FillAll(closingPool),
            fillers, ScriptPhrases.SignOffs[style.Tone]));

        return new VideoScript(title, scenes);
    }

    private static string[] Optional(bool wanted, string sentence) => wanted ? [sentence] : [];

    /// <summary>"the big picture, how it works and why it matters", or null without body scenes.</summary>
    private static string? Outline(IReadOnlyList<ScriptPhrases.Angle> angles)
    {
        var titles = angles.Select(a => a.Title.ToLowerInvariant()).ToList();
        return titles.Count switch
        {
            0 => null,
            1 => titles[0],
            _ => $"{string.Join(", ", titles[..^1])} and {titles[^1]}",
        };
    }

    [GeneratedRegex(@"\{(topic|end|ref|audience)\}")]
    private static partial Regex Placeholder();
}
