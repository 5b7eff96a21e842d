using System.Net;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Aura.Tests.Security;

/// <summary>The OpenAPI document lists every route (with problems, auth, and the streams as text/event-stream); security headers are on every answer.</summary>
public sealed class OpenApiAndHeadersTests : IDisposable
{
    private readonly AuraApplication _app = KeyedApplication.Create();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task The_document_lists_every_route_of_the_service()
    {
        using var client = _app.Client();
        var document = await ApiCalls.BodyOf(await client.GetAsync("/openapi/v1.json"));
        var paths = document.GetProperty("paths");

        // Every MVC action, as the app itself routes them, plus the health and metrics endpoints.
        var routes = _app.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .Select(a => "/" + a.AttributeRouteInfo!.Template).Append("/health").Append("/healthz").Append("/metrics").Distinct().ToList();
        Assert.True(routes.Count >= 10, string.Join(", ", routes));
        foreach (var route in routes)
            Assert.True(paths.TryGetProperty(route, out _), $"{route} is not in the OpenAPI document");

        var create = paths.GetProperty("/api/jobs").GetProperty("post");
        Assert.True(create.GetProperty("responses").TryGetProperty("401", out var unauthorized));
        Assert.True(unauthorized.GetProperty("content").TryGetProperty("application/problem+json", out _));
        Assert.True(create.GetProperty("responses").TryGetProperty("429", out _));
        Assert.NotEmpty(create.GetProperty("security").EnumerateArray());
        Assert.True(document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("ApiKeyHeader", out _));

        var events = paths.GetProperty("/api/jobs/{jobId}/events").GetProperty("get").GetProperty("responses").GetProperty("200");
        Assert.True(events.GetProperty("content").TryGetProperty("text/event-stream", out _));
        Assert.Contains("job-completed", events.GetProperty("description").GetString());
        Assert.Contains("job-update", paths.GetProperty("/api/jobs/events").GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("description").GetString());
    }

    [Fact]
    public async Task Scalar_serves_a_page_with_no_key()
    {
        using var client = _app.Client();
        using var response = await client.GetAsync("/scalar");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/app.js")]
    [InlineData("/api/jobs")]
    [InlineData("/health")]
    public async Task Every_answer_has_nosniff_and_the_UI_a_content_security_policy(string path)
    {
        using var client = _app.Client();
        using var response = await client.GetAsync(path);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }
}
