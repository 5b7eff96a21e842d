using Aura.Core.Kernel;
using Aura.Core.Jobs;

namespace Aura.Api.Security;

/// <summary>
/// Refuses state-changing requests (anything but GET, HEAD, OPTIONS, TRACE) sent by a page of another
/// site: an <c>Origin</c> that is not the service's own, or, where a browser sends no Origin,
/// <c>Sec-Fetch-Site: cross-site</c>. Browsers send these headers on cross-site form posts and fetches
/// and pages cannot forge them, so any web page the user opens can no longer start, cancel or delete
/// jobs. Non-browser clients send neither and pass. ASP.NET Core has no such check built in
/// (its antiforgery tokens are for server-rendered forms), hence this small middleware.
/// </summary>
public sealed class CrossOriginGuard(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || HttpMethods.IsTrace(request.Method) || IsSameOrigin(request))
            return next(context);
        return ProblemWriter.WriteAsync(context, StatusCodes.Status403Forbidden, ErrorCodes.CrossOrigin,
            "A page of another site may not change anything here (the request's Origin is not this service's).",
            "Use the service's own page, or a client that is not a browser page of another site.");
    }

    private static bool IsSameOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
            return !string.Equals(request.Headers["Sec-Fetch-Site"].ToString(), "cross-site", StringComparison.OrdinalIgnoreCase);
        var own = $"{request.Scheme}://{request.Host.Value}";
        return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase);
    }
}
