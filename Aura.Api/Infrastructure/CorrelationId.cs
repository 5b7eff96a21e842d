using System.Text.RegularExpressions;
using Serilog.Context;
using Aura.Core.Kernel;

namespace Aura.Api.Infrastructure;

/// <summary>
/// Every request has one correlation id: the caller's <c>X-Correlation-ID</c> when it is valid
/// (1–64 chars of <c>A-Z a-z 0-9 - _ . :</c>), otherwise a new one. Invalid values are replaced,
/// never echoed. It is echoed in the response and attached to every log line of the request.
/// </summary>
public static partial class CorrelationId
{
    public const string Header = "X-Correlation-ID";
    private const string ItemKey = "Aura.CorrelationId";

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,64}$")]
    private static partial Regex ValidPattern();

    public static bool IsValid(string? value) => value is not null && ValidPattern().IsMatch(value);

    public static string New() => Guid.NewGuid().ToString("N");

    public static string Of(HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var value) && value is string id ? id : Assign(context);

    public static IApplicationBuilder UseCorrelationIds(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var id = Assign(context);
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = id;
            return Task.CompletedTask;
        });
        using (LogContext.PushProperty("CorrelationId", id))
            await next(context);
    });

    private static string Assign(HttpContext context)
    {
        var offered = context.Request.Headers[Header].ToString();
        var id = IsValid(offered) ? offered : New();
        context.Items[ItemKey] = id;
        return id;
    }
}
