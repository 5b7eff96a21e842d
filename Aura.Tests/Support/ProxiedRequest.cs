namespace Aura.Tests.Support;

/// <summary>A request as the proxy saw it: when it came, its head (request line and headers), whether it was refused.</summary>
public sealed record ProxiedRequest(DateTime At, string Head, bool Refused)
{
    public string? Header(string name) => Head.Split("\r\n").Skip(1)
        .FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))?[(name.Length + 1)..].Trim();
}
