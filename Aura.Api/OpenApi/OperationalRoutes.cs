using Microsoft.OpenApi;

namespace Aura.Api.OpenApi;

/// <summary>The routes outside MVC (health checks, metrics), which the API explorer does not see, added to the document by hand.</summary>
public static class OperationalRoutes
{
    public static void Add(OpenApiDocument document)
    {
        document.Paths ??= new OpenApiPaths();
        document.Paths["/healthz"] = Get("Liveness: 200 while the process answers.", "text/plain");
        document.Paths["/health"] = Get("Readiness: 200 when FFmpeg, the store and the disk are ready, 503 when not; "
            + "with ffmpeg, store, disk, jobs and streams figures (paths only in local mode or to an admin).", "application/json", notReady: true);
        document.Paths["/metrics"] = Get("Prometheus text format; needs a key when keys are configured.", "text/plain");
    }

    private static OpenApiPathItem Get(string description, string contentType, bool notReady = false)
    {
        var responses = new OpenApiResponses
        {
            ["200"] = new OpenApiResponse
            {
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType> { [contentType] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } } },
            },
        };
        if (notReady)
            responses["503"] = new OpenApiResponse { Description = "Not ready: the body says which part and what to do." };
        return new OpenApiPathItem
        {
            Operations = new Dictionary<HttpMethod, OpenApiOperation> { [HttpMethod.Get] = new() { Summary = description, Responses = responses } },
        };
    }
}
