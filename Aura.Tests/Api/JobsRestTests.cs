using System.Net;
using System.Text.Json;
using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Tests.Support;

namespace Aura.Tests.Api;

public sealed class JobsRestTests : IDisposable
{
    private readonly AuraApplication _app = new();
    private readonly HttpClient _client;

    public JobsRestTests() => _client = _app.Client();

    public void Dispose() => _app.Dispose();

    private static void AssertProblem(HttpResponseMessage response, JsonElement body, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(body.GetProperty("detail").GetString()));
        Assert.Equal(response.Headers.GetValues("X-Correlation-ID").Single(), body.GetProperty("correlationId").GetString());
    }

    [Fact]
    public async Task Creating_a_job_answers_202_with_its_location_links_and_defaults()
    {
        var (response, job) = await _client.PostJobAsync("""{ "brief": { "topic": "Why the sky is blue" } }""");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = job.GetProperty("jobId").GetString();
        Assert.Equal($"/api/jobs/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal("Queued", job.GetProperty("status").GetString());
        Assert.Equal("plan", job.GetProperty("phase").GetString());
        Assert.Equal(1280, job.GetProperty("request").GetProperty("renderSpec").GetProperty("res").GetProperty("width").GetInt32());
        Assert.Equal("00:00:30", job.GetProperty("request").GetProperty("planSpec").GetProperty("targetDuration").GetString());
        Assert.Equal($"/api/jobs/{id}/events", job.GetProperty("links").GetProperty("events").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", job.GetProperty("createdAt").GetString());
    }

    [Theory]
    [InlineData("""{ "brief": { "topic": "" } }""", "brief.topic")]
    [InlineData("""{ "brief": {} }""", "brief.topic")]
    [InlineData("""{}""", "brief.topic")]
    [InlineData("""{ "brief": { "topic": "x" }, "planSpec": { "targetDuration": "00:00:04" } }""", "planSpec.targetDuration")]
    [InlineData("""{ "brief": { "topic": "x" }, "planSpec": { "targetDuration": "00:10:01" } }""", "planSpec.targetDuration")]
    [InlineData("""{ "brief": { "topic": "x" }, "planSpec": { "targetDuration": "soon" } }""", "planSpec.targetDuration")]
    [InlineData("""{ "brief": { "topic": "x" }, "renderSpec": { "res": { "width": 1281, "height": 720 } } }""", "renderSpec.res.width")]
    [InlineData("""{ "brief": { "topic": "x" }, "renderSpec": { "res": { "width": 1280, "height": 2162 } } }""", "renderSpec.res.height")]
    [InlineData("""{ "brief": { "topic": "x" }, "renderSpec": { "fps": 0 } }""", "renderSpec.fps")]
    [InlineData("""{ "brief": { "topic": "x" }, "renderSpec": { "fps": 61 } }""", "renderSpec.fps")]
    [InlineData("""{ "brief": { "topic": "x" }, "renderSpec": { "container": "avi" } }""", "renderSpec.container")]
    [InlineData("""{ "brief": { "topic": "x" }, "voiceSpec": { "voiceName": "--help me" } }""", "voiceSpec.voiceName")]
    [InlineData("""{ "brief": { "topic": "x" }, "renderSpec": { "fps": "fast" } }""", "renderSpec.fps")]
    public async Task An_invalid_body_gets_400_naming_the_field(string json, string field)
    {
        var (response, body) = await _client.PostJobAsync(json);

        AssertProblem(response, body, HttpStatusCode.BadRequest, ErrorCodes.Validation);
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out var messages), body.ToString());
        Assert.NotEmpty(messages.EnumerateArray());
        Assert.Empty((await _client.GetFromJsonAsync("/api/jobs")).GetProperty("jobs").EnumerateArray());
    }

    [Fact]
    public async Task A_topic_over_500_characters_is_refused_and_500_is_accepted()
    {
        var (tooLong, body) = await _client.PostJobAsync(JsonSerializer.Serialize(new { brief = new { topic = new string('a', 501) } }));
        var (justRight, _) = await _client.PostJobAsync(JsonSerializer.Serialize(new { brief = new { topic = new string('a', 500) } }));

        AssertProblem(tooLong, body, HttpStatusCode.BadRequest, ErrorCodes.Validation);
        Assert.Equal(HttpStatusCode.Accepted, justRight.StatusCode);
    }

    [Fact]
    public async Task Malformed_json_gets_400_and_an_oversized_body_413()
    {
        var (broken, brokenBody) = await _client.PostJobAsync("""{ "brief": { "topic": """);
        var (huge, hugeBody) = await _client.PostJobAsync(JsonSerializer.Serialize(new { brief = new { topic = "x", audience = new string('a', 70_000) } }));

        AssertProblem(broken, brokenBody, HttpStatusCode.BadRequest, ErrorCodes.Validation);
        AssertProblem(huge, hugeBody, HttpStatusCode.RequestEntityTooLarge, ErrorCodes.BodyTooLarge);
    }

    [Fact]
    public async Task A_body_that_is_not_json_gets_415()
    {
        using var response = await _client.PostAsync("/api/jobs", new StringContent("topic=sky", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));

        AssertProblem(response, await ApiCalls.BodyOf(response), HttpStatusCode.UnsupportedMediaType, ErrorCodes.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_valid_correlation_id_is_echoed_and_stored_and_an_invalid_one_is_replaced()
    {
        var (response, job) = await _client.PostJobAsync("""{ "brief": { "topic": "x" } }""", "client-trace_1.2:3");
        var (replaced, replacedJob) = await _client.PostJobAsync("""{ "brief": { "topic": "x" } }""", "no spaces <allowed>");

        Assert.Equal("client-trace_1.2:3", response.Headers.GetValues("X-Correlation-ID").Single());
        Assert.Equal("client-trace_1.2:3", job.GetProperty("correlationId").GetString());
        var made = replaced.Headers.GetValues("X-Correlation-ID").Single();
        Assert.Matches("^[A-Za-z0-9._:-]{1,64}$", made);
        Assert.Equal(made, replacedJob.GetProperty("correlationId").GetString());
    }

    [Fact]
    public async Task Get_head_and_list_show_the_job_and_unknown_ids_get_404()
    {
        var first = await _client.CreateJobAsync("first");
        var second = await _client.CreateJobAsync("second");
        await _client.WaitForEndAsync(first);
        await _client.WaitForEndAsync(second);

        using var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/api/jobs/{first}"));
        var list = await _client.GetFromJsonAsync("/api/jobs?limit=1");
        var page2 = await _client.GetFromJsonAsync($"/api/jobs?before={Uri.EscapeDataString(list.GetProperty("jobs")[0].GetProperty("createdAt").GetString()!)}");
        var succeeded = await _client.GetFromJsonAsync("/api/jobs?status=Succeeded,Failed");
        var queued = await _client.GetFromJsonAsync("/api/jobs?status=queued");
        using var unknown = await _client.GetAsync("/api/jobs/nope");

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(("Succeeded", "Complete", "100"), (head.Headers.GetValues("X-Job-Status").Single(), head.Headers.GetValues("X-Job-Stage").Single(), head.Headers.GetValues("X-Job-Percent").Single()));
        Assert.Equal((second, 1), (list.GetProperty("jobs")[0].GetProperty("jobId").GetString(), list.GetProperty("count").GetInt32()));
        Assert.Equal(first, page2.GetProperty("jobs")[0].GetProperty("jobId").GetString());
        Assert.Equal(2, succeeded.GetProperty("count").GetInt32());
        Assert.Equal(0, queued.GetProperty("count").GetInt32());
        AssertProblem(unknown, await ApiCalls.BodyOf(unknown), HttpStatusCode.NotFound, ErrorCodes.JobNotFound);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("status=Sleeping", "status")]
    [InlineData("before=yesterday", "before")]
    public async Task Bad_list_parameters_get_400_naming_the_parameter(string query, string field)
    {
        using var response = await _client.GetAsync($"/api/jobs?{query}");
        var body = await ApiCalls.BodyOf(response);

        AssertProblem(response, body, HttpStatusCode.BadRequest, ErrorCodes.Validation);
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Canceling_an_ended_job_gets_409_with_its_status_and_deleting_it_removes_it()
    {
        var id = await _client.CreateJobAsync();
        await _client.WaitForEndAsync(id);

        using var cancel = await _client.PostAsync($"/api/jobs/{id}/cancel", null);
        var cancelBody = await ApiCalls.BodyOf(cancel);
        using var delete = await _client.DeleteAsync($"/api/jobs/{id}");
        using var gone = await _client.GetAsync($"/api/jobs/{id}");
        using var again = await _client.DeleteAsync($"/api/jobs/{id}");

        AssertProblem(cancel, cancelBody, HttpStatusCode.Conflict, ErrorCodes.JobNotCancellable);
        Assert.Equal("Succeeded", cancelBody.GetProperty("currentStatus").GetString());
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.False(Directory.Exists(Path.Combine(_app.DataFolder, "jobs", id)));
    }

    [Fact]
    public async Task Unknown_routes_and_methods_answer_with_problems_too()
    {
        using var route = await _client.GetAsync("/api/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, route.StatusCode);
        Assert.Equal("application/problem+json", route.Content.Headers.ContentType?.MediaType);
    }
}

internal static class JsonGets
{
    public static async Task<JsonElement> GetFromJsonAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ApiCalls.BodyOf(response);
    }
}
