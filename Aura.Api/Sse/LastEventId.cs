using System.Globalization;
using Aura.Core.Kernel;

namespace Aura.Api.Sse;

/// <summary>Where a reconnecting client says it was: the <c>Last-Event-ID</c> header, or <c>?lastEventId=</c>.</summary>
public static class LastEventId
{
    public const string Header = "Last-Event-ID";
    public const string QueryKey = "lastEventId";

    /// <summary>The number the client sent, or null when it sent none or something that is not a whole, non-negative number.</summary>
    public static long? Read(HttpRequest request)
    {
        var raw = request.Headers[Header].ToString();
        if (string.IsNullOrWhiteSpace(raw))
            raw = request.Query[QueryKey].ToString();
        return long.TryParse(raw.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }
}
