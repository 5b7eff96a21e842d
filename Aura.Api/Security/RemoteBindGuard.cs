using Microsoft.Extensions.Options;

namespace Aura.Api.Security;

/// <summary>
/// Refuses to start bound to a non-loopback address (<c>--urls http://0.0.0.0:5005</c>, <c>*</c>,
/// <c>+</c>, a LAN address) with no keys: that would serve the open local-mode API to the whole
/// network. <c>Auth:AllowAnonymousRemote</c> says the operator wants exactly that.
/// </summary>
public static partial class RemoteBindGuard
{
    /// <summary>False means: do not run; exit with a non-zero code (the reason is logged in one line).</summary>
    public static bool TryCheckBinding(this WebApplication app)
    {
        ApiKeyStore keys;
        try
        {
            keys = app.Services.GetRequiredService<ApiKeyStore>();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // A keys file that cannot be read must stop the start: serving without its keys would be local mode by accident.
            LogBadKeysFile(app.Logger, ex.Message);
            ((IDisposable)app).Dispose();
            return false;
        }
        var auth = app.Services.GetRequiredService<IOptions<AuthOptions>>().Value;
        if (!keys.IsLocalMode || auth.AllowAnonymousRemote)
            return true;
        var remote = ListenUrls(app.Configuration).FirstOrDefault(LoopbackHost.IsRemoteUrl);
        if (remote is null)
            return true;
        LogRefused(app.Logger, remote);
        ((IDisposable)app).Dispose();
        return false;
    }

    /// <summary>Where the configuration tells Kestrel to listen: <c>urls</c> (<c>--urls</c>, <c>ASPNETCORE_URLS</c>) and <c>Kestrel:Endpoints:*:Url</c>.</summary>
    private static IEnumerable<string> ListenUrls(IConfiguration configuration)
    {
        foreach (var url in (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            yield return url;
        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            if (endpoint["Url"] is { Length: > 0 } url)
                yield return url;
        }
        foreach (var key in new[] { "http_ports", "https_ports" })
        {
            // Ports alone bind every interface.
            if (!string.IsNullOrWhiteSpace(configuration[key]))
                yield return "http://*:" + configuration[key];
        }
    }

    [LoggerMessage(LogLevel.Critical, "Cannot start: the API keys (Auth:ApiKeys, Auth:ApiKeysFile) could not be read: {Problem}")]
    private static partial void LogBadKeysFile(ILogger logger, string problem);

    [LoggerMessage(LogLevel.Critical,
        "Cannot start: {Url} is not a loopback address and no API keys are configured, so anyone on the network could use the service. "
        + "Configure keys (Auth__ApiKeys__<name>=<key>, or Auth:ApiKeysFile naming a file of name=key lines), listen on localhost, "
        + "or set Auth:AllowAnonymousRemote=true to serve without keys anyway.")]
    private static partial void LogRefused(ILogger logger, string url);
}
