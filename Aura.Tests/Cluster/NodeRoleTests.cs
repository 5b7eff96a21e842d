using System.Net;
using Aura.Tests.Support;

namespace Aura.Tests.Cluster;

/// <summary>The two roles a node of several can take: API only (<c>Jobs:Workers=0</c>) and worker only (<c>Api:Enabled=false</c>).</summary>
public sealed class NodeRoleTests
{
    [Fact]
    public async Task An_api_only_node_on_the_embedded_store_is_refused_at_start_in_one_line_naming_the_settings()
    {
        using var folder = new TempFolder();

        var (exitCode, output) = await ServiceProcess.RunToExitAsync(folder.Combine("data"), folder.Combine("logs"), "--Jobs:Workers", "0");

        Assert.NotEqual(0, exitCode);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        var line = Assert.Single(output.Split('\n'), l => l.Contains("Jobs:Workers=0", StringComparison.Ordinal));
        Assert.Contains("Cannot start", line, StringComparison.Ordinal);
        Assert.Contains("Storage:Provider=Redis", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_worker_only_node_serves_its_health_and_metrics_but_no_api_streams_ui_or_openapi()
    {
        using var app = new AuraApplication();
        app.Settings["Api:Enabled"] = "false";
        var client = app.Client();

        using var jobs = await client.GetAsync("/api/jobs");
        using var create = await client.PostAsync("/api/jobs", ApiCalls.Json("""{ "brief": { "topic": "Tides" } }"""));
        using var stream = await client.GetAsync("/api/jobs/events");
        using var ui = await client.GetAsync("/");
        using var openApi = await client.GetAsync("/openapi/v1.json");
        using var live = await client.GetAsync("/healthz");
        using var ready = await client.GetAsync("/health");
        using var metrics = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, jobs.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, create.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, stream.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, ui.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, openApi.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Contains("\"store\"", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
    }

    [Fact]
    public async Task A_node_serves_the_api_by_default()
    {
        using var app = new AuraApplication();
        var client = app.Client();

        using var jobs = await client.GetAsync("/api/jobs");
        using var ui = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, jobs.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
    }
}
