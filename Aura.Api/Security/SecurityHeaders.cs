namespace Aura.Api.Security;

/// <summary>
/// Headers on every answer: <c>X-Content-Type-Options: nosniff</c> (a browser never reads a log or
/// an artifact as a script or page), and a Content-Security-Policy that lets the UI load only its own
/// files (<c>default-src 'self'</c>) and never be framed (<c>frame-ancestors 'none'</c>, also as
/// <c>X-Frame-Options</c> for old browsers), with <c>Referrer-Policy: no-referrer</c>. Images and media may
/// also come from <c>blob:</c> addresses, which only the page's own script can make: under an API key the UI
/// fetches a job's files with the key in a header and shows them from a blob (wwwroot/js/keyed-files.js),
/// since an element's own request cannot carry the key. The policy is
/// left off <c>/scalar</c>, whose page runs an inline script of Scalar's own.
/// ASP.NET Core has no built-in middleware for these headers, hence this one.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' blob:; media-src 'self' blob:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var withPolicy = !context.Request.Path.StartsWithSegments("/scalar");
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            if (withPolicy)
            {
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XFrameOptions = "DENY";
            }
            return Task.CompletedTask;
        });
        return next(context);
    }
}
