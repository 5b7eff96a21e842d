using Aura.Api.Security;
using Aura.Api.Contracts;
using Aura.Api.Sse;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Aura.Api.OpenApi;

/// <summary>Adds to each <c>/api</c> operation what attributes do not say: its problem responses, its key schemes, and for streams the event names.</summary>
public static class ApiOperations
{
    public const string BearerScheme = "Bearer";
    public const string HeaderScheme = "ApiKeyHeader";
    public const string QueryScheme = "AccessTokenQuery";

    private static readonly string[] JobStreamEvents =
    [
        JobEvent.JobStatusName, JobEvent.StepStatusName, JobEvent.StepProgressName, JobEvent.WarningName,
        JobEvent.ArtifactWrittenName, JobEvent.JobCompletedName, JobEvent.JobFailedName, JobEvent.JobCancelledName, "error",
    ];

    private static readonly string[] AllJobsStreamEvents = [AllJobsEvents.Update, AllJobsEvents.Deleted, "error"];

    public static Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var path = "/" + (context.Description.RelativePath ?? "");
        if (!path.StartsWith("/api/", StringComparison.Ordinal))
            return Task.CompletedTask;
        var method = context.Description.HttpMethod ?? "GET";
        var stream = context.Description.ActionDescriptor.EndpointMetadata.OfType<EventStreamRouteAttribute>().Any();
        operation.Responses ??= new OpenApiResponses();

        if (stream)
            DescribeStream(operation, path.EndsWith("/{jobId}/events", StringComparison.Ordinal) ? JobStreamEvents : AllJobsStreamEvents);
        Problem(operation, "400", "E400-VALIDATION: a parameter or the body is not valid (or, in local mode, E400-HOST_NOT_ALLOWED).");
        Problem(operation, "401", "E401-UNAUTHORIZED: keys are configured and none, or a wrong one, was sent.");
        if (path.Contains("{jobId}", StringComparison.Ordinal))
            Problem(operation, "404", "E404-JOB_NOT_FOUND: no such job, or it belongs to another principal.");
        if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
        {
            Problem(operation, "403", "E403-CROSS_ORIGIN: a page of another site sent it.");
            Problem(operation, "415", "E415-UNSUPPORTED_MEDIA_TYPE: a body that is not application/json.");
        }
        if (stream)
            Problem(operation, "429", "E429-TOO_MANY_STREAMS: too many open streams for this key or for the service; see Retry-After.");
        if (HttpMethods.IsPost(method) && !path.EndsWith("/cancel", StringComparison.Ordinal))
            Problem(operation, "429", "E429-TOO_MANY_REQUESTS: too many jobs created in a short time with this key; see Retry-After.");
        Problem(operation, "500", "E500-INTERNAL: the service failed; the correlationId finds it in the log.");

        operation.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(HeaderScheme, context.Document)] = [] },
        ];
        if (stream)
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(QueryScheme, context.Document)] = [] });
        return Task.CompletedTask;
    }

    private static void DescribeStream(OpenApiOperation operation, string[] events)
    {
        operation.Responses!["200"] = new OpenApiResponse
        {
            Description = "A Server-Sent Events stream. Event names: " + string.Join(", ", events) + ".",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["text/event-stream"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        };
        operation.Responses["204"] = new OpenApiResponse { Description = "The client's Last-Event-ID already saw the job end." };
    }

    private static void Problem(OpenApiOperation operation, string status, string description)
    {
        if (operation.Responses!.ContainsKey(status))
            return;
        operation.Responses[status] = ProblemResponse(description);
    }

    public static OpenApiResponse ProblemResponse(string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/problem+json"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Object } },
        },
    };
}
