using System.Net;
using System.Net.Http.Headers;

namespace Aura.Tests.Security;

/// <summary>With keys configured: no key, a wrong key and a right one, in each place a key may be sent.</summary>
public sealed class ApiKeyTests : IDisposable
{
    private readonly AuraApplication _app = KeyedApplication.Create();

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("GET", "/api/jobs")]
    [InlineData("GET", "/api/jobs/0123")]
    [InlineData("HEAD", "/api/jobs/0123")]
    [InlineData("POST", "/api/quick/demo")]
    [InlineData("DELETE", "/api/jobs/0123")]
    [InlineData("GET", "/api/jobs/events")]
    [InlineData("GET", "/api/jobs/0123/logs/ffmpeg")]
    public async Task No_key_is_401_problem_with_WWW_Authenticate_on_every_api_route(string method, string path)
    {
        using var client = _app.Client();
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString());
        if (method != "HEAD")
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("E401-UNAUTHORIZED", (await ApiCalls.BodyOf(response)).GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task A_wrong_key_is_401_and_says_the_token_is_invalid()
    {
        using var client = _app.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", KeyedApplication.AliceKey + "x");
        using var response = await client.GetAsync("/api/jobs");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task The_right_key_as_Bearer_or_X_Api_Key_is_served()
    {
        using var bearer = _app.Client();
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", KeyedApplication.AliceKey);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/jobs")).StatusCode);

        using var header = _app.Client();
        header.DefaultRequestHeaders.Add("X-Api-Key", KeyedApplication.BobKey);
        Assert.Equal(HttpStatusCode.OK, (await header.GetAsync("/api/jobs")).StatusCode);
    }

    [Fact]
    public async Task A_key_from_the_keys_file_is_served()
    {
        using var client = _app.Client();
        client.DefaultRequestHeaders.Add("X-Api-Key", KeyedApplication.CarolKey);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/jobs")).StatusCode);
    }

    [Fact]
    public async Task The_access_token_query_opens_the_streams_only()
    {
        using var client = _app.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/api/jobs?access_token={KeyedApplication.AliceKey}")).StatusCode);

        await using var stream = await SseSession.OpenAsync(client, $"/api/jobs/events?access_token={KeyedApplication.AliceKey}");
        Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
    }

    [Fact]
    public async Task The_UI_and_health_need_no_key()
    {
        using var client = _app.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }
}
