using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Aura.Api.Security;

public static class SecurityServiceCollectionExtensions
{
    /// <summary>Keys, the <c>ApiKey</c> authentication scheme, the API's policy, and the JSON-body rule for every action.</summary>
    public static IServiceCollection AddAuraSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.Section));
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<HandlerLoggerFactory>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(AuthPolicies.ApiUser, policy => policy.RequireAuthenticatedUser());
        services.Configure<MvcOptions>(o => o.Filters.Add<JsonBodyOnlyFilter>());
        return services;
    }

    /// <summary>
    /// The defences that need no routing, before anything is served (the UI's files included): the
    /// local-mode Host rule, then the cross-origin rule.
    /// </summary>
    public static IApplicationBuilder UseAuraRequestGuards(this IApplicationBuilder app) =>
        app.UseMiddleware<LocalModeHostFilter>().UseMiddleware<CrossOriginGuard>();

    /// <summary>
    /// Routing, then who is asking (the scheme reads the route's metadata) and what the route demands,
    /// then the limits, which are counted per principal.
    /// </summary>
    public static IApplicationBuilder UseAuraAuth(this IApplicationBuilder app) =>
        app.UseRouting().UseAuthentication().UseAuthorization().UseRateLimiter();
}
