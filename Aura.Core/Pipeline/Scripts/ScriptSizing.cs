using Aura.Core.Kernel;

namespace Aura.Core.Pipeline.Scripts;

/// <summary>
/// How much narration a video needs: words per minute from the pacing, scenes from the length, and
/// each scene's share of the word budget. Pure arithmetic, so the pipeline and tests can reason with it.
/// </summary>
public static class ScriptSizing
{
    public const int FastWordsPerMinute = 170;
    public const int ConversationalWordsPerMinute = 150;
    public const int SlowWordsPerMinute = 125;

    /// <summary>
    /// The share of the target that the words are planned to fill: the rest goes to the pauses between scenes and
    /// the breaths the voice takes at sentence ends, which word counts do not see. The timeline pads a video that
    /// comes out shorter up to the target; the Voice stage shortens one that comes out longer.
    /// </summary>
    public const double SpeechShare = 0.9;

    /// <summary>"Fast", "Conversational" or "Slow" (any case); anything else is conversational.</summary>
    public static int WordsPerMinute(string? pacing) => pacing?.Trim().ToLowerInvariant() switch
    {
        "fast" => FastWordsPerMinute,
        "slow" => SlowWordsPerMinute,
        _ => ConversationalWordsPerMinute,
    };

    /// <summary>An opening and a closing always; body scenes join as the video grows, up to 8 scenes at 10 minutes.</summary>
    public static int SceneCount(TimeSpan targetDuration) => targetDuration.TotalSeconds switch
    {
        <= 12 => 2,
        <= 25 => 3,
        <= 45 => 4,
        <= 90 => 5,
        <= 180 => 6,
        <= 360 => 7,
        _ => 8,
    };

    /// <summary>The words that, spoken at <paramref name="wordsPerMinute"/>, fill the <see cref="SpeechShare"/> of <paramref name="targetDuration"/>; at least one per scene.</summary>
    public static int TotalWords(TimeSpan targetDuration, int wordsPerMinute) =>
        Math.Max(SceneCount(targetDuration), (int)Math.Round(targetDuration.TotalMinutes * SpeechShare * wordsPerMinute));

    /// <summary>
    /// Splits <paramref name="totalWords"/> between the scenes. From five scenes up the opening and closing take
    /// half a share each, since the body scenes carry the substance; the words left over go to the body first.
    /// </summary>
    public static IReadOnlyList<int> SceneBudgets(int totalWords, int sceneCount)
    {
        var edgeWeight = sceneCount >= 5 ? 0.5 : 1.0;
        var weights = Enumerable.Range(0, sceneCount)
            .Select(i => i == 0 || i == sceneCount - 1 ? edgeWeight : 1.0).ToArray();
        var budgets = weights.Select(w => (int)Math.Floor(totalWords * w / weights.Sum())).ToArray();
        var leftOver = totalWords - budgets.Sum();
        var order = Enumerable.Range(1, Math.Max(0, sceneCount - 2)).Concat([0, sceneCount - 1]).Distinct();
        foreach (var index in order.Take(leftOver)) budgets[index]++;
        return budgets;
    }

    /// <summary>How long <paramref name="words"/> take at <paramref name="wordsPerMinute"/>, to the millisecond.</summary>
    public static TimeSpan EstimateDuration(int words, int wordsPerMinute) =>
        TimeSpan.FromMilliseconds(Math.Round(words * 60_000.0 / wordsPerMinute));
}
