namespace Aura.Api.Security;

/// <summary>What counts as loopback: for the <c>Host</c> header and for the addresses the service is bound to.</summary>
public static class LoopbackHost
{
    /// <summary>True for <c>localhost</c>, <c>127.0.0.1</c> (any 127.x) and <c>[::1]</c>; the port does not matter.</summary>
    public static bool IsLoopbackName(string host)
    {
        host = host.Trim().TrimEnd('.');
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
            return true;
        if (host.StartsWith('[') && host.EndsWith(']'))
            host = host[1..^1];
        return System.Net.IPAddress.TryParse(host, out var address) && System.Net.IPAddress.IsLoopback(address);
    }

    /// <summary>True when a listen URL such as <c>http://0.0.0.0:5005</c>, <c>http://*:80</c> or <c>http://+:80</c> is not loopback-only.</summary>
    public static bool IsRemoteUrl(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        var rest = schemeEnd < 0 ? url : url[(schemeEnd + 3)..];
        var hostEnd = rest.StartsWith('[') ? rest.IndexOf(']') + 1 : rest.IndexOfAny([':', '/']);
        var host = hostEnd <= 0 ? rest : rest[..hostEnd];
        return !IsLoopbackName(host);
    }
}
