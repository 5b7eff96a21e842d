using Aura.Core.Kernel;
using Aura.Core.Jobs;
using Microsoft.Extensions.Options;

namespace Aura.Api.Security;

/// <summary>
/// In local mode every request must name a loopback host (<c>localhost</c>, <c>127.0.0.1</c>,
/// <c>[::1]</c>, any port), else <c>400</c>: a page on another site that rebinds its own DNS name to
/// 127.0.0.1 sends its own name as <c>Host</c>, so it cannot read or change jobs.
/// Written here rather than with the framework's host filtering (AllowedHosts) because that runs
/// before everything else and answers with a bare 400, not the contract's problem+json.
/// </summary>
public sealed class LocalModeHostFilter(RequestDelegate next, IOptionsMonitor<AuthOptions> options, ApiKeyStore keys)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (!keys.IsLocalMode || options.CurrentValue.AllowAnonymousRemote || LoopbackHost.IsLoopbackName(context.Request.Host.Host))
            return next(context);
        return ProblemWriter.WriteAsync(context, StatusCodes.Status400BadRequest, ErrorCodes.HostNotAllowed,
            "In local mode the service answers only requests addressed to localhost, 127.0.0.1 or [::1].",
            "Open the service at http://localhost:<port>/ or http://127.0.0.1:<port>/; to serve other hosts, configure API keys (Auth:ApiKeys).");
    }
}
