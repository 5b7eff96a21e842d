using System.Net;
using System.Text.Json;
using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Tests.Support;

namespace Aura.Tests.Api;

/// <summary>Free text is refused when it holds control characters, and its length counts what a reader sees as characters.</summary>
public sealed class HostileTextValidationTests : IDisposable
{
    private readonly AuraApplication _app = new();
    private readonly HttpClient _client;

    public HostileTextValidationTests() => _client = _app.Client();

    public void Dispose() => _app.Dispose();

    private static string Body(string field, string value)
    {
        var brief = new Dictionary<string, string> { ["topic"] = "Tides" };
        brief[field] = value;
        return JsonSerializer.Serialize(new { brief });
    }

    [Theory]
    [InlineData("topic", "Tides\0 and moons")]
    [InlineData("topic", "Tides\u001b[31m red")]
    [InlineData("topic", "bell\u0007")]
    [InlineData("topic", "lone\rreturn")]
    [InlineData("topic", "delete\u007f")]
    [InlineData("topic", "next line\u0085")]
    [InlineData("audience", "kids\0")]
    [InlineData("goal", "explain\u0001")]
    [InlineData("tone", "calm\u009b")]
    public async Task A_control_character_in_a_text_field_gets_400_naming_that_field(string field, string value)
    {
        var (response, body) = await _client.PostJobAsync(Body(field, value));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ErrorCodes.Validation, body.GetProperty("code").GetString());
        var messages = body.GetProperty("errors").GetProperty($"brief.{field}").EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.Contains(messages, m => m!.StartsWith("Control characters are not allowed", StringComparison.Ordinal));
        Assert.Empty((await _client.GetFromJsonAsync("/api/jobs")).GetProperty("jobs").EnumerateArray());
    }

    [Theory]
    [InlineData("Tides\tand moons")]
    [InlineData("Tides\nand moons")]
    [InlineData("Tides\r\nand moons")]
    public async Task Tab_and_newline_are_accepted(string topic)
    {
        var (response, _) = await _client.PostJobAsync(Body("topic", topic));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task The_topic_limit_counts_text_elements_so_500_emoji_pass_and_501_do_not()
    {
        var emoji500 = string.Concat(Enumerable.Repeat("😀", 500)); // 1000 UTF-16 units
        var emoji501 = emoji500 + "😀";
        var flags500 = string.Concat(Enumerable.Repeat("🇫🇷", 500)); // 2000 units, 500 flags

        var (accepted, _) = await _client.PostJobAsync(Body("topic", emoji500));
        var (flags, _) = await _client.PostJobAsync(Body("topic", flags500));
        var (refused, body) = await _client.PostJobAsync(Body("topic", emoji501));

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, flags.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("The topic is at most 500 characters (it has 501).",
            body.GetProperty("errors").GetProperty("brief.topic")[0].GetString());
    }

    [Fact]
    public async Task The_other_text_fields_count_text_elements_too()
    {
        var (accepted, _) = await _client.PostJobAsync(Body("audience", string.Concat(Enumerable.Repeat("é", 200)).Normalize(System.Text.NormalizationForm.FormD)));
        var (refused, body) = await _client.PostJobAsync(Body("tone", new string('a', 201)));

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True(body.GetProperty("errors").TryGetProperty("brief.tone", out _), body.ToString());
    }

    [Fact]
    public async Task The_quick_demo_refuses_a_control_character_in_its_topic_under_the_field_topic()
    {
        using var response = await _client.PostAsync("/api/quick/demo", ApiCalls.Json("""{ "topic": "Volcanoes\u0000" }"""));
        var body = await ApiCalls.BodyOf(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ErrorCodes.Validation, body.GetProperty("code").GetString());
        Assert.True(body.GetProperty("errors").TryGetProperty("topic", out _), body.ToString());
    }
}
