using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Aura.Core.Jobs;
using Aura.Core.Kernel;

namespace Aura.Tests.Support;

/// <summary>The REST calls tests make, returning the parsed JSON alongside the response.</summary>
public static class ApiCalls
{
    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<(HttpResponseMessage Response, JsonElement Body)> PostJobAsync(this HttpClient client, string json, string? correlationId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/jobs") { Content = Json(json) };
        if (correlationId is not null)
            request.Headers.Add("X-Correlation-ID", correlationId);
        var response = await client.SendAsync(request);
        return (response, await BodyOf(response));
    }

    public static async Task<string> CreateJobAsync(this HttpClient client, string topic = "Why the sky is blue", string? correlationId = null)
    {
        var (response, body) = await client.PostJobAsync(JsonSerializer.Serialize(new { brief = new { topic } }), correlationId);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        return body.GetProperty("jobId").GetString()!;
    }

    public static async Task<JsonElement> GetJobAsync(this HttpClient client, string jobId) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/jobs/{jobId}");

    public static async Task<JsonElement> BodyOf(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement;
    }

    /// <summary>Waits until the job has ended, following its own event stream.</summary>
    public static async Task<JsonElement> WaitForEndAsync(this HttpClient client, string jobId)
    {
        await using (var stream = await SseSession.OpenAsync(client, $"/api/jobs/{jobId}/events"))
            await stream.ReadToEndAsync();
        var job = await client.GetJobAsync(jobId);
        Assert.True(Enum.Parse<JobStatus>(job.GetProperty("status").GetString()!).IsTerminal());
        return job;
    }
}
