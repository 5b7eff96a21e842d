using System.Globalization;
using Aura.Core.Kernel;

namespace Aura.Core.Pipeline;

/// <summary>
/// Whether the spoken narration keeps the video within the contract's 15 % of the target duration. The
/// script is written from a word budget, but real speech runs shorter or longer than words suggest (espeak-ng
/// is faster than the budget's pace; numbers, symbols and long runs of letters take far longer to say). So the
/// Voice stage measures each scene's WAV and, while the whole is too long, asks for a script planned for a
/// shorter time (<see cref="ShorterPlan"/>); a video shorter than the target is padded by the timeline instead.
/// </summary>
public static class NarrationFit
{
    /// <summary>The contract's tolerance on the video's length.</summary>
    public const double Tolerance = 0.15;

    /// <summary>How far over the target a narration may run before a shorter script is asked for: inside the tolerance, with room to spare.</summary>
    public const double Slack = 0.08;

    /// <summary>How many shorter scripts are tried before the job says the text cannot fit.</summary>
    public const int MaxReplans = 3;

    /// <summary>The video's length with this narration: each scene's speech and a pause after it.</summary>
    public static TimeSpan Length(IReadOnlyList<TimeSpan> speech, TimeSpan pause) =>
        speech.Aggregate(TimeSpan.Zero, (sum, s) => sum + s) + pause * speech.Count;

    public static bool IsTooLong(TimeSpan length, TimeSpan target) => length > target * (1 + Slack);

    /// <summary>Whether a video of <paramref name="length"/> breaks the contract's tolerance: the job then warns.</summary>
    public static bool BreaksTolerance(TimeSpan length, TimeSpan target) => length > target * (1 + Tolerance);

    /// <summary>
    /// The target to plan the next script for: the current plan shrunk by how much too long the speech was
    /// (pauses do not shrink with the words), aiming a little under the target.
    /// </summary>
    public static TimeSpan ShorterPlan(TimeSpan plan, TimeSpan length, TimeSpan target, int scenes, TimeSpan pause)
    {
        var pauses = pause * scenes;
        var speech = Math.Max(1, (length - pauses).TotalMilliseconds);
        var room = Math.Max(0, (target - pauses).TotalMilliseconds);
        var ratio = Math.Clamp(0.9 * room / speech, 0.05, 0.9);
        return TimeSpan.FromMilliseconds(Math.Floor(plan.TotalMilliseconds * ratio));
    }

    /// <summary>The warning a job shows when even its shortest script is spoken for too long.</summary>
    public static string TooLongWarning(TimeSpan length, TimeSpan target) => string.Create(CultureInfo.InvariantCulture,
        $"The narration takes {length.TotalSeconds:0.0} s even when shortened, longer than the {target.TotalSeconds:0.#} s target: the video is longer than asked. Use a shorter topic or a longer target duration.");
}
