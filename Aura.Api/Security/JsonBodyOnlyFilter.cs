using Aura.Core.Kernel;
using Aura.Core.Jobs;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Aura.Api.Security;

/// <summary>
/// Every state-changing request to an action with a body, or a Content-Type, must be <c>application/json</c> (or a
/// <c>+json</c> type): a plain HTML form (urlencoded, multipart, text/plain) can be sent across sites
/// without a preflight, JSON cannot. An empty body with no Content-Type (the quick demo, cancel) passes.
/// </summary>
public sealed class JsonBodyOnlyFilter : IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        var request = context.HttpContext.Request;
        // Reads change nothing, whatever they claim to carry.
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
            return;
        var hasBody = request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);
        if (request.ContentType is null && !hasBody)
            return;
        if (IsJson(request.ContentType))
            return;
        context.Result = Infrastructure.Problems.Result(context.HttpContext, StatusCodes.Status415UnsupportedMediaType,
            ErrorCodes.UnsupportedMediaType, "The request body must be JSON, sent with Content-Type: application/json.",
            "Send the body as JSON with Content-Type: application/json, or send no body at all.");
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var type)
        && type.MediaType.Value is { } media
        && (string.Equals(media, "application/json", StringComparison.OrdinalIgnoreCase)
            || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
}
