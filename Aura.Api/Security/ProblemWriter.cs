using Aura.Api.Contracts;
using Aura.Api.Infrastructure;

namespace Aura.Api.Security;

/// <summary>Writes a contract problem+json answer from outside MVC (middleware, authentication, the rate limiter).</summary>
public static class ProblemWriter
{
    public static Task WriteAsync(HttpContext context, int status, string code, string detail, string? remediation = null,
        CancellationToken cancellationToken = default)
    {
        var result = Problems.Result(context, status, code, detail, remediation);
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(result.Value, WireJson.Options, Problems.ContentType, cancellationToken);
    }
}
