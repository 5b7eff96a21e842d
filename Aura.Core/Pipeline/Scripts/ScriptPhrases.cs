using Aura.Core.Kernel;

namespace Aura.Core.Pipeline.Scripts;

/// <summary>
/// The sentences the template writer composes from. Placeholders: <c>{topic}{end}</c> is the topic verbatim
/// and a full stop unless it already ends a sentence; <c>{ref}</c> is the topic when short, else "this topic";
/// <c>{audience}</c> is a custom audience verbatim. They are filled in one pass, so braces in user text stay as typed.
/// </summary>
internal static class ScriptPhrases
{
    public static readonly Dictionary<ToneKind, string[]> Hooks = new()
    {
        [ToneKind.Friendly] = ["Today's topic: {topic}{end}", "Let's talk about something worth knowing: {topic}{end}", "Here's what we're exploring together: {topic}{end}"],
        [ToneKind.Professional] = ["This briefing covers one subject: {topic}{end}", "The subject of this presentation: {topic}{end}", "Our focus today: {topic}{end}"],
        [ToneKind.Energetic] = ["Get ready, because today it's all about this: {topic}{end}", "Here we go: {topic}{end}", "Buckle up for a quick ride through this: {topic}{end}"],
        [ToneKind.Calm] = ["Let's take a quiet moment to look at this: {topic}{end}", "Settle in, and let's think about this together: {topic}{end}", "Here is something to reflect on: {topic}{end}"],
    };

    public const string BareHook = "{topic}{end}";
    public const string CustomAudienceLine = "This one is made for {audience}.";

    public static readonly Dictionary<AudienceKind, string[]> HookExtras = new()
    {
        [AudienceKind.General] = ["In the next few moments, you'll see why it matters.", "It's simpler than it sounds."],
        [AudienceKind.Children] = ["Have you ever wondered about this?", "It's like a little puzzle, and we can solve it together."],
        [AudienceKind.Beginners] = ["You don't need any background to follow along.", "We'll start from the very beginning."],
        [AudienceKind.Experts] = ["We'll skip the basics and get to what matters.", "Expect a few details that are easy to overlook."],
    };

    public static readonly Dictionary<GoalKind, string> GoalPromises = new()
    {
        [GoalKind.Explain] = "By the end, you'll understand how it works.",
        [GoalKind.Teach] = "By the end, you'll know how to do it yourself.",
        [GoalKind.Persuade] = "By the end, I hope you'll see why it deserves your attention.",
        [GoalKind.Inform] = "Here's what you need to know.",
    };

    public sealed record Angle(string Title, string Lead, string[] Sentences);

    /// <summary>The body scenes, in the order a short video takes them.</summary>
    public static readonly Angle[] Angles =
    [
        new("The big picture", "Let's start with the big picture of {ref}.",
            ["At its heart, the idea is simpler than it first appears.", "A few key pieces fit together to make the whole thing work.", "Once you see how those pieces connect, the rest falls into place."]),
        new("How it works", "So how does {ref} actually work?",
            ["It helps to follow it one step at a time.", "Each step builds on the one before it, like links in a chain.", "Change one link, and the result changes too."]),
        new("An everyday example", "Here is an everyday example of {ref}.",
            ["You have probably seen this without noticing it.", "Picture an ordinary day, and the idea shows up again and again.", "Examples like this make the abstract feel concrete."]),
        new("A common mistake", "Many people get one thing wrong about {ref}.",
            ["They assume it is more complicated than it really is.", "Or they skip a small detail that turns out to matter a lot.", "Avoiding that mistake is half the battle."]),
        new("Why it matters", "Why does {ref} matter?",
            ["Because it shapes decisions we make every day.", "Understanding it saves time, effort, and a fair bit of confusion.", "It also opens the door to bigger questions."]),
        new("Putting it to use", "Now let's put {ref} to use.",
            ["Start small, with one thing you can try today.", "Notice what changes, and adjust from there.", "Practice turns a good idea into a habit."]),
    ];

    public static readonly Dictionary<AudienceKind, string[]> AudienceLines = new()
    {
        [AudienceKind.General] = ["You don't need special knowledge to follow this.", "Most of us meet this idea more often than we think.", "A little understanding goes a long way here.", "It's the kind of thing worth sharing with others."],
        [AudienceKind.Children] = ["Think of it like a game with simple rules.", "You can even try explaining it to a friend or a grown-up.", "Scientists and inventors ask questions just like this one.", "Curiosity is your best tool here."],
        [AudienceKind.Beginners] = ["No jargon needed; plain words will do.", "If a word sounds new, that's okay; the idea behind it is what counts.", "Everyone starts as a beginner, so go at your own pace.", "One clear idea at a time is the fastest way to learn."],
        [AudienceKind.Experts] = ["The interesting part lies in the edge cases.", "Trade-offs matter more than any single rule here.", "Measure before you optimize, and question the defaults.", "Experienced people still find surprises in the details."],
    };

    public static readonly Dictionary<ToneKind, string[]> ToneLines = new()
    {
        [ToneKind.Friendly] = ["Here's the fun part.", "Stick with me, because this is where it clicks.", "It's a bit like chatting with a friend who knows the trick.", "Nothing here is hard once you see it."],
        [ToneKind.Professional] = ["The evidence points in a consistent direction.", "Consider the implications carefully.", "This distinction is important in practice.", "The details that follow are well established."],
        [ToneKind.Energetic] = ["This is where it gets exciting!", "Honestly, it's one of the coolest ideas around!", "Keep that energy, because there's more!", "Once it clicks, you'll want to tell everyone!"],
        [ToneKind.Calm] = ["There's no need to rush through it.", "Let the idea settle for a moment.", "Notice how each part quietly supports the next.", "Slowly, the picture becomes clear."],
    };

    public static readonly Dictionary<GoalKind, string[]> GoalLines = new()
    {
        [GoalKind.Explain] = ["The key is to understand why, not just what.", "Every part has a reason for being there."],
        [GoalKind.Teach] = ["Try each step yourself as we go.", "Repeat it a few times and it becomes second nature."],
        [GoalKind.Persuade] = ["The benefits are real, and they add up over time.", "Small changes here can make a big difference."],
        [GoalKind.Inform] = ["Here are the facts, plainly stated.", "These points are the ones worth remembering."],
    };

    /// <summary>Short sentences that top a scene up to its word budget.</summary>
    public static readonly Dictionary<ToneKind, string[]> Fillers = new()
    {
        [ToneKind.Friendly] = ["Pretty neat, right?", "Here's why.", "Think about it.", "Easy enough.", "Simple.", "Nice.", "See?"],
        [ToneKind.Professional] = ["This point is essential.", "Note this.", "Consider that.", "Precisely.", "Indeed.", "Noted."],
        [ToneKind.Energetic] = ["Amazing, right?", "Let's keep going!", "Love it!", "Wow.", "Yes!", "Boom!"],
        [ToneKind.Calm] = ["Take your time.", "Let that settle.", "Gently now.", "Breathe.", "Softly.", "Easy."],
    };

    public static readonly string[] ClosingLeads = ["That brings us to the end of our look at {ref}.", "That's a wrap on {ref}.", "That's a wrap."];

    public static readonly Dictionary<GoalKind, string> ClosingCalls = new()
    {
        [GoalKind.Explain] = "Now you know the key idea, and you can explain it to someone else.",
        [GoalKind.Teach] = "Try it yourself this week, one small step at a time.",
        [GoalKind.Persuade] = "Give it a try, and see the difference for yourself.",
        [GoalKind.Inform] = "Keep these points in mind next time the subject comes up.",
    };

    public static readonly Dictionary<AudienceKind, string> ClosingThoughts = new()
    {
        [AudienceKind.General] = "Share it with someone who might find it useful.",
        [AudienceKind.Children] = "Keep asking questions, because that's how great discoveries begin.",
        [AudienceKind.Beginners] = "You've taken the first step, and that's the hardest one.",
        [AudienceKind.Experts] = "The details are where the real work begins.",
    };

    /// <summary>The last words of a video, longest first, so the longest that fits is said.</summary>
    public static readonly Dictionary<ToneKind, string[]> SignOffs = new()
    {
        [ToneKind.Friendly] = ["Thanks for watching, and see you next time!", "Thanks for watching!"],
        [ToneKind.Professional] = ["Thank you for your attention.", "Thank you."],
        [ToneKind.Energetic] = ["Thanks for watching, now go make it happen!", "Go make it happen!"],
        [ToneKind.Calm] = ["Thank you for spending this quiet moment with me.", "Thank you."],
    };
}
