using System.Net;
using System.Text;

namespace Aura.Tests.Security;

/// <summary>Local mode (no keys): foreign Host, cross-site form posts and non-JSON bodies are refused; the service's own page is not.</summary>
public sealed class LocalModeDefenceTests : IDisposable
{
    private readonly AuraApplication _app = new();

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:5005")]
    [InlineData("192.168.1.20")]
    public async Task A_foreign_Host_is_refused_as_DNS_rebinding_would_send_it(string host)
    {
        using var client = _app.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/jobs");
        request.Headers.Host = host;
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("E400-HOST_NOT_ALLOWED", (await ApiCalls.BodyOf(response)).GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1:5005")]
    [InlineData("[::1]:8080")]
    public async Task Loopback_names_with_any_port_are_served(string host)
    {
        using var client = _app.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/jobs");
        request.Headers.Host = host;
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_cross_origin_form_post_to_the_quick_demo_is_refused_and_starts_nothing()
    {
        using var client = _app.Client();
        // What <form method=post action=http://127.0.0.1:5005/api/quick/demo> on another site sends.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/quick/demo")
        {
            Content = new StringContent("topic=x", Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add("Origin", "https://evil.example");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("E403-CROSS_ORIGIN", (await ApiCalls.BodyOf(response)).GetProperty("code").GetString());
        Assert.Equal(0, (await ApiCalls.BodyOf(await client.GetAsync("/api/jobs"))).GetProperty("count").GetInt32());
    }

    [Theory]
    [InlineData("POST", "/api/quick/demo")]
    [InlineData("POST", "/api/jobs/0123/cancel")]
    [InlineData("DELETE", "/api/jobs/0123")]
    public async Task Any_state_changing_request_from_another_origin_is_refused(string method, string path)
    {
        using var client = _app.Client();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add("Origin", "null");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_cross_site_fetch_without_Origin_is_refused_by_Sec_Fetch_Site()
    {
        using var client = _app.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/quick/demo");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_services_own_origin_may_post()
    {
        using var client = _app.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/quick/demo");
        request.Headers.Add("Origin", _app.RootUri.GetLeftPart(UriPartial.Authority));
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded", "topic=x")]
    [InlineData("text/plain", "{\"topic\":\"x\"}")]
    [InlineData("multipart/form-data; boundary=b", "--b--")]
    public async Task A_same_site_post_with_a_form_content_type_starts_nothing(string contentType, string body)
    {
        using var client = _app.Client();
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        using var response = await client.PostAsync("/api/quick/demo", content);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("E415-UNSUPPORTED_MEDIA_TYPE", (await ApiCalls.BodyOf(response)).GetProperty("code").GetString());
        Assert.Equal(0, (await ApiCalls.BodyOf(await client.GetAsync("/api/jobs"))).GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task An_empty_quick_demo_post_needs_no_content_type()
    {
        using var client = _app.Client();
        using var response = await client.PostAsync("/api/quick/demo", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
