namespace Aura.Api.Security;

/// <summary>
/// The <c>Auth</c> configuration section. No keys (none in <see cref="ApiKeys"/>, none in
/// <see cref="ApiKeysFile"/>) is local mode: loopback only, no keys, one principal.
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The principal in local mode, and the owner of jobs stored before jobs had owners.</summary>
    public const string LocalPrincipal = Aura.Core.Storage.JobQuery.DefaultOwner;

    public const string AdminRole = "admin";

    /// <summary>Principal name → key (<c>Auth__ApiKeys__alice=&lt;key&gt;</c>).</summary>
    public Dictionary<string, string> ApiKeys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The principals with the <c>admin</c> role (<c>Auth__Admins__0=alice</c>).</summary>
    public List<string> Admins { get; set; } = [];

    /// <summary>A file of <c>name=key</c> lines, so that keys need not sit in appsettings.</summary>
    public string? ApiKeysFile { get; set; }

    /// <summary>Lets the service start on a non-loopback address with no keys (anyone who reaches it may use it).</summary>
    public bool AllowAnonymousRemote { get; set; }
}
