using Aura.Core.Kernel;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Aura.Core.Jobs;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Aura.Api.Security;

/// <summary>
/// The <c>ApiKey</c> scheme. Local mode: everyone is the one <c>local</c> principal (with the admin
/// role). With keys: <c>Authorization: Bearer &lt;key&gt;</c>, <c>X-Api-Key: &lt;key&gt;</c>, or on
/// routes marked <see cref="EventStreamRouteAttribute"/> <c>?access_token=&lt;key&gt;</c>; no key is
/// anonymous (refused by the API's policy), an unknown key fails. The challenge is the contract's
/// 401 problem+json with <c>WWW-Authenticate</c>.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, HandlerLoggerFactory logger,
    UrlEncoder encoder, ApiKeyStore keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (keys.IsLocalMode)
            return Task.FromResult(Success(AuthOptions.LocalPrincipal, admin: true, new Claim(Principals.LocalModeClaim, "true")));

        var key = OfferedKey();
        if (key is null)
            return Task.FromResult(AuthenticateResult.NoResult());
        return Task.FromResult(keys.FindPrincipal(key) is { } principal
            ? Success(principal, keys.IsAdmin(principal))
            : AuthenticateResult.Fail("The API key is not valid."));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var offered = OfferedKey() is not null;
        Response.Headers[HeaderNames.WWWAuthenticate] = offered
            ? "Bearer realm=\"aura\", error=\"invalid_token\""
            : "Bearer realm=\"aura\"";
        await ProblemWriter.WriteAsync(Context, StatusCodes.Status401Unauthorized, ErrorCodes.Unauthorized,
            offered ? "The API key is not valid." : "This service needs an API key.",
            "Send your key as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'; the operator configures keys in Auth:ApiKeys.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ProblemWriter.WriteAsync(Context, StatusCodes.Status403Forbidden, ErrorCodes.Forbidden,
            "Your key does not allow this.", "Ask the operator for a key with the admin role.");

    private string? OfferedKey()
    {
        var authorization = Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return authorization["Bearer ".Length..].Trim();
        if (Request.Headers[HeaderName].ToString() is { Length: > 0 } header)
            return header.Trim();
        if (Context.GetEndpoint()?.Metadata.GetMetadata<EventStreamRouteAttribute>() is not null
            && Request.Query[EventStreamRouteAttribute.AccessTokenParameter].ToString() is { Length: > 0 } token)
            return token;
        return null;
    }

    private AuthenticateResult Success(string principal, bool admin, params Claim[] extra)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, principal) };
        if (admin)
            claims.Add(new Claim(ClaimTypes.Role, AuthOptions.AdminRole));
        claims.AddRange(extra);
        var identity = new ClaimsIdentity(claims, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
