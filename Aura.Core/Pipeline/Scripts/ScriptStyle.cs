using Aura.Core.Kernel;

namespace Aura.Core.Pipeline.Scripts;

/// <summary>The brief's free-text audience, tone and goal, read as the few styles the templates know.</summary>
/// <param name="CustomAudience">The audience in the user's words when it matched no known kind; null otherwise.</param>
public sealed record ScriptStyle(AudienceKind Audience, ToneKind Tone, GoalKind Goal, string? CustomAudience)
{
    public static ScriptStyle From(string? audience, string? tone, string? goal)
    {
        var audienceKind = Classify(audience, AudienceKind.General,
            (AudienceKind.Children, ["child", "kid", "young", "school"]),
            (AudienceKind.Beginners, ["beginner", "novice", "newcomer", "student", "intro", "new "]),
            (AudienceKind.Experts, ["expert", "developer", "engineer", "professional", "advanced", "technical", "scientist", "specialist"]));
        var custom = audienceKind == AudienceKind.General && !IsBlankOr(audience, "general", "everyone", "all")
            ? NarrationText.CollapseNewlines(audience) : null;
        return new ScriptStyle(
            audienceKind,
            Classify(tone, ToneKind.Friendly,
                (ToneKind.Professional, ["professional", "formal", "serious", "academic", "business", "neutral"]),
                (ToneKind.Energetic, ["energetic", "excit", "enthusias", "fun", "playful", "upbeat", "humor", "hype"]),
                (ToneKind.Calm, ["calm", "relax", "gentle", "sooth", "quiet", "peace", "warm"])),
            Classify(goal, GoalKind.Explain,
                (GoalKind.Teach, ["teach", "tutorial", "how-to", "how to", "learn", "train", "guide"]),
                (GoalKind.Persuade, ["persuad", "convinc", "sell", "promot", "pitch", "market", "advocat"]),
                (GoalKind.Inform, ["inform", "announce", "update", "news", "summar", "report"])),
            custom);
    }

    private static T Classify<T>(string? text, T fallback, params (T Kind, string[] Stems)[] kinds)
    {
        var lower = $" {text?.ToLowerInvariant()} ";
        foreach (var (kind, stems) in kinds)
        {
            if (stems.Any(lower.Contains)) return kind;
        }
        return fallback;
    }

    private static bool IsBlankOr(string? text, params string[] words) =>
        string.IsNullOrWhiteSpace(text) || words.Contains(text.Trim().ToLowerInvariant());
}
