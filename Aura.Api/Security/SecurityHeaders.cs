namespace Aura.Api.Security;

/// <summary>
/// Headers on every answer: <c>X-Content-Type-Options: nosniff</c> (a browser never reads a log or
/// an artifact as a script or page), and a Content-Security-Policy that lets the UI load only its own
/// files (<c>default-src 'self'</c>) and never be framed (<c>frame-ancestors 'none'</c>, also as
/// <c>X-Frame-Options</c> for old browsers), with <c>Referrer-Policy: no-referrer</c>. The policy is
/// left off <c>/scalar</c>, whose page runs an inline script of Scalar's own.
/// ASP.NET Core has no built-in middleware for these headers, hence this one.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

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
