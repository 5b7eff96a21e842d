using System.Globalization;
using System.Text.RegularExpressions;
using Aura.Core.Kernel;

namespace Aura.Api.Contracts;

/// <summary>The contract's limits on the create body; every broken rule is reported under its field's path.</summary>
public static partial class CreateJobValidator
{
    public const int MaxTopicLength = 500;
    public const int MaxTextLength = 200;
    public const int MaxBodyBytes = 64 * 1024;
    public const int MinFps = 1;
    public const int MaxFps = 60;
    public static readonly TimeSpan MinDuration = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(10);
    private static readonly string[] Pacings = ["Fast", "Conversational", "Slow"];

    [GeneratedRegex("^[A-Za-z0-9+_-]{1,40}$")]
    private static partial Regex NamePattern();

    public static JobRequest? Validate(CreateJobBody? body, out Dictionary<string, string[]> errors)
    {
        var found = new Dictionary<string, List<string>>();
        void Fail(string field, string message) =>
            (found.TryGetValue(field, out var list) ? list : found[field] = []).Add(message);

        var defaults = JobRequest.ForTopic("");
        var topic = Topic(body?.Brief?.Topic, Fail);
        var brief = new Brief(topic,
            Text(body?.Brief?.Audience, "brief.audience", defaults.Brief.Audience, Fail),
            Text(body?.Brief?.Goal, "brief.goal", defaults.Brief.Goal, Fail),
            Text(body?.Brief?.Tone, "brief.tone", defaults.Brief.Tone, Fail),
            Name(body?.Brief?.Language, "brief.language", defaults.Brief.Language, Fail));

        var plan = new PlanSpec(Duration(body?.PlanSpec?.TargetDuration, defaults.PlanSpec.TargetDuration, Fail),
            Pacing(body?.PlanSpec?.Pacing, defaults.PlanSpec.Pacing, Fail));

        var voice = new VoiceSpec(Name(body?.VoiceSpec?.VoiceName, "voiceSpec.voiceName", defaults.VoiceSpec.VoiceName, Fail),
            Range(body?.VoiceSpec?.Rate, "voiceSpec.rate", defaults.VoiceSpec.Rate, 0.5, 2.0, Fail));

        var r = body?.RenderSpec;
        var d = defaults.RenderSpec;
        var width = Even(Range(r?.Res?.Width, "renderSpec.res.width", d.Res.Width, 160, 3840, Fail), "renderSpec.res.width", Fail);
        var height = Even(Range(r?.Res?.Height, "renderSpec.res.height", d.Res.Height, 90, 2160, Fail), "renderSpec.res.height", Fail);
        if (r?.Container is { } container && !string.Equals(container, "mp4", StringComparison.OrdinalIgnoreCase))
            Fail("renderSpec.container", "Only \"mp4\" is supported.");
        var render = new RenderSpec(new Resolution(width, height),
            Range(r?.Fps, "renderSpec.fps", d.Fps, MinFps, MaxFps, Fail), "mp4",
            Range(r?.VideoBitrateK, "renderSpec.videoBitrateK", d.VideoBitrateK, 100, 50_000, Fail),
            Range(r?.AudioBitrateK, "renderSpec.audioBitrateK", d.AudioBitrateK, 32, 512, Fail));

        errors = found.ToDictionary(e => e.Key, e => e.Value.ToArray());
        return errors.Count == 0 ? new JobRequest(brief, plan, voice, render) : null;
    }

    /// <summary>The quick demo's topic, when one is given, follows the same rule as a brief's.</summary>
    public static string? ValidateTopic(string? topic, out Dictionary<string, string[]> errors)
    {
        errors = [];
        if (topic is null)
            return null;
        string? message = null;
        var checkedTopic = Topic(topic, (_, m) => message = m);
        if (message is not null)
            errors["topic"] = [message];
        return message is null ? checkedTopic : null;
    }

    private static string Topic(string? topic, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(topic))
            fail("brief.topic", "The topic is required.");
        else if (TextRules.Problem(topic, MaxTopicLength,
                     length => $"The topic is at most {MaxTopicLength} characters (it has {length}).") is { } problem)
            fail("brief.topic", problem);
        return topic ?? "";
    }

    private static string Text(string? value, string field, string fallback, Action<string, string> fail)
    {
        if (value is not null && TextRules.Problem(value, MaxTextLength,
                     length => $"At most {MaxTextLength} characters (it has {length}).") is { } problem)
            fail(field, problem);
        return string.IsNullOrWhiteSpace(value) ? fallback : value.Trim();
    }

    private static string Name(string? value, string field, string fallback, Action<string, string> fail)
    {
        if (string.IsNullOrEmpty(value))
            return fallback;
        if (!NamePattern().IsMatch(value))
            fail(field, "Use 1–40 letters, digits, '+', '_' or '-'.");
        return value;
    }

    private static TimeSpan Duration(string? value, TimeSpan fallback, Action<string, string> fail)
    {
        if (value is null)
            return fallback;
        if (!TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var duration))
        {
            fail("planSpec.targetDuration", "Use a time span such as \"00:00:30\".");
            return fallback;
        }
        if (duration < MinDuration || duration > MaxDuration)
            fail("planSpec.targetDuration", "The target duration is from 00:00:05 to 00:10:00.");
        return duration;
    }

    private static string Pacing(string? value, string fallback, Action<string, string> fail)
    {
        if (value is null)
            return fallback;
        var known = Pacings.FirstOrDefault(p => string.Equals(p, value, StringComparison.OrdinalIgnoreCase));
        if (known is null)
            fail("planSpec.pacing", $"Use one of {string.Join(", ", Pacings)}.");
        return known ?? fallback;
    }

    private static T Range<T>(T? value, string field, T fallback, T min, T max, Action<string, string> fail)
        where T : struct, IComparable<T>
    {
        if (value is not { } v)
            return fallback;
        if (v.CompareTo(min) < 0 || v.CompareTo(max) > 0)
            fail(field, $"Must be from {min} to {max}.");
        return v;
    }

    private static int Even(int value, string field, Action<string, string> fail)
    {
        if (value % 2 != 0)
            fail(field, "Must be an even number (H.264 with yuv420p needs even sizes).");
        return value;
    }
}
