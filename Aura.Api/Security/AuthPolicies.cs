namespace Aura.Api.Security;

/// <summary>The authorization policies of the API.</summary>
public static class AuthPolicies
{
    /// <summary>Every <c>/api</c> route: a known key (in local mode everyone is the local principal).</summary>
    public const string ApiUser = "ApiUser";
}
