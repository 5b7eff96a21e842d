using System.Globalization;

namespace Aura.Core.Storage.Redis;

/// <summary>
/// Times as the Redis store keeps them: UTC ticks written as 19 digits, so that they sort as text.
/// Sorted-set scores are doubles, exact only up to 2^53, and ticks are larger; lexical sorted sets
/// with members <c>&lt;ticks&gt;:&lt;id&gt;</c> keep them exact and order equal times by id.
/// </summary>
internal static class RedisTicks
{
    /// <summary>Where the id starts in a member (1-based, as Lua's <c>string.sub</c> counts).</summary>
    public const int IdStartInLua = 21;

    public static string Of(DateTimeOffset time) => time.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string ticks) => new(long.Parse(ticks, CultureInfo.InvariantCulture), TimeSpan.Zero);

    public static string Member(DateTimeOffset time, string id) => Of(time) + ":" + id;

    /// <summary>A ZRANGEBYLEX bound that takes members whose time is strictly before <paramref name="time"/>.</summary>
    public static string Before(DateTimeOffset time) => "(" + Of(time);

    /// <summary>A ZRANGEBYLEX bound that takes members whose time is at or before <paramref name="time"/>.</summary>
    public static string AtOrBefore(DateTimeOffset time) =>
        time.UtcTicks == DateTimeOffset.MaxValue.UtcTicks ? "+" : "(" + (time.UtcTicks + 1).ToString("D19", CultureInfo.InvariantCulture);
}
