using Aura.Api.Security;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Aura.Api.OpenApi;

/// <summary>
/// The API description at <c>/openapi/v1.json</c> (Microsoft.AspNetCore.OpenApi) and a browsable UI at
/// <c>/scalar</c> (Scalar.AspNetCore): every route with its problem responses, the key schemes, and
/// the two event streams as <c>text/event-stream</c> with their event names. Both need no key.
/// </summary>
public static class OpenApiSetup
{
    public static IServiceCollection AddAuraOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer(DescribeDocumentAsync);
            o.AddOperationTransformer(ApiOperations.DescribeAsync);
        });

    public static IEndpointRouteBuilder MapAuraOpenApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi().AllowAnonymous();
        endpoints.MapScalarApiReference().AllowAnonymous();
        return endpoints;
    }

    private static Task DescribeDocumentAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Aura Jobs";
        document.Info.Description = "Make short videos from a topic, as jobs; follow them over Server-Sent Events. "
            + "In local mode (no keys configured) no key is needed; otherwise send 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiOperations.BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http, Scheme = "bearer", Description = "The API key as a bearer token.",
        };
        document.Components.SecuritySchemes[ApiOperations.HeaderScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = ApiKeyAuthenticationHandler.HeaderName,
            Description = "The API key in a header.",
        };
        document.Components.SecuritySchemes[ApiOperations.QueryScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Query, Name = Security.EventStreamRouteAttribute.AccessTokenParameter,
            Description = "The API key in the query: on the two event-stream routes only.",
        };
        OperationalRoutes.Add(document);
        return Task.CompletedTask;
    }
}
