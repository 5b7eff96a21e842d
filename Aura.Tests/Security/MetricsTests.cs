using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Aura.Tests.Security;

/// <summary>/metrics is Prometheus text, from the System.Diagnostics.Metrics instruments, and moves when a job runs.</summary>
public sealed partial class MetricsTests
{
    // One sample: name, optional {labels}, value, optional timestamp (the text exposition format).
    [GeneratedRegex("""^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{([a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*",?)*\})? (\S+)( -?\d+)?$""")]
    private static partial Regex SampleLine();

    [Fact]
    public async Task Metrics_parse_as_Prometheus_text_and_move_when_a_job_runs()
    {
        using var app = new AuraApplication();
        using var client = app.Client();
        var before = await ScrapeAsync(client);

        await client.WaitForEndAsync(await client.CreateJobAsync());
        var after = await ScrapeAsync(client);

        Assert.True(Sum(after, "aura_jobs_ended", "status=\"Succeeded\"") > Sum(before, "aura_jobs_ended", "status=\"Succeeded\""));
        Assert.True(Sum(after, "aura_jobs_created") > Sum(before, "aura_jobs_created"));
        Assert.True(Sum(after, "aura_streams_events_sent") > Sum(before, "aura_streams_events_sent"));
        Assert.True(Sum(after, "aura_jobs_stage_duration", "stage=\"Rendering\"", suffix: "_count") > Sum(before, "aura_jobs_stage_duration", "stage=\"Rendering\"", suffix: "_count"));
        Assert.Contains(after, s => s.Name.StartsWith("aura_jobs_by_status", StringComparison.Ordinal) && s.Labels.Contains("status=\"Succeeded\""));
        Assert.Contains(after, s => s.Name.StartsWith("aura_jobs_queue_length", StringComparison.Ordinal));
        Assert.Contains(after, s => s.Name.StartsWith("aura_streams_open", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Metrics_need_a_key_when_keys_are_on()
    {
        using var app = KeyedApplication.Create();
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client().GetAsync("/metrics")).StatusCode);
        using var bob = app.ClientOf(KeyedApplication.BobKey);
        Assert.Equal(HttpStatusCode.OK, (await bob.GetAsync("/metrics")).StatusCode);
    }

    private sealed record Sample(string Name, string Labels, double Value);

    private static async Task<List<Sample>> ScrapeAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType);
        var samples = new List<Sample>();
        foreach (var line in (await response.Content.ReadAsStringAsync()).Split('\n'))
        {
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var match = SampleLine().Match(line);
            Assert.True(match.Success, $"not a Prometheus sample line: {line}");
            samples.Add(new Sample(match.Groups[1].Value, match.Groups[2].Value, double.Parse(match.Groups[4].Value, CultureInfo.InvariantCulture)));
        }
        return samples;
    }

    private static double Sum(List<Sample> samples, string prefix, string label = "", string suffix = "") =>
        samples.Where(s => s.Name.StartsWith(prefix, StringComparison.Ordinal) && s.Name.EndsWith(suffix, StringComparison.Ordinal)
                && s.Labels.Contains(label, StringComparison.Ordinal))
            .Where(s => suffix.Length > 0 || !s.Name.EndsWith("_bucket", StringComparison.Ordinal))
            .Sum(s => s.Value);
}
