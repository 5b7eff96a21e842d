using System.Net;
using System.Text.Json;

namespace Aura.Tests.Support;

public static class HealthCalls
{
    /// <summary>GET /health, checking that the status code agrees with the body: 200 when ready, 503 when not.</summary>
    public static async Task<JsonElement> GetHealthAsync(this HttpClient client)
    {
        using var response = await client.GetAsync("/health");
        var body = await ApiCalls.BodyOf(response);
        var expected = body.GetProperty("status").GetString() == "Unhealthy" ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK;
        Assert.Equal(expected, response.StatusCode);
        return body;
    }
}
