using System.Security.Claims;

namespace Aura.Api.Security;

/// <summary>Who is asking, as the API needs to know it: a name (the owner of the jobs it makes) and whether it sees all.</summary>
public static class Principals
{
    /// <summary>Set on the local-mode principal: the service runs for whoever sits at the machine.</summary>
    public const string LocalModeClaim = "aura:local-mode";

    public static string NameOf(ClaimsPrincipal user) => user.Identity?.Name ?? AuthOptions.LocalPrincipal;

    /// <summary>Admins (and the one principal of local mode) see every job.</summary>
    public static bool SeesAll(ClaimsPrincipal user) => user.IsInRole(AuthOptions.AdminRole);

    /// <summary>Server file-system paths go only to local mode and to admins; others get URLs and file names.</summary>
    public static bool SeesPaths(ClaimsPrincipal user) => user.HasClaim(c => c.Type == LocalModeClaim) || user.IsInRole(AuthOptions.AdminRole);

    /// <summary>A job made before jobs had owners belongs to the local principal.</summary>
    public static string OwnerOf(string? storedOwner) => storedOwner ?? AuthOptions.LocalPrincipal;

    /// <summary>Whether <paramref name="user"/> may know <paramref name="job"/> exists: its owner, or an admin.</summary>
    public static bool CanSee(ClaimsPrincipal user, Aura.Core.Kernel.JobSnapshot job) =>
        SeesAll(user) || string.Equals(OwnerOf(job.Owner), NameOf(user), StringComparison.Ordinal);

    /// <summary>The owner a list is limited to: null (everyone's) for admins.</summary>
    public static string? ListFilter(ClaimsPrincipal user) => SeesAll(user) ? null : NameOf(user);
}
