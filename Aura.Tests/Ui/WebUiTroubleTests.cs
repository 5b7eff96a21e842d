using System.Text.Json.Nodes;
using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Tests.Support;

namespace Aura.Tests.Ui;

/// <summary>The desktop web UI when things go wrong: refusals, failures, cancellation, a lost stream.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WebUiTroubleTests
{
    [ChromiumFact]
    public async Task A_topic_the_server_refuses_shows_the_servers_message_beside_the_topic_field()
    {
        await using var ui = await UiSession.StartAsync(new AuraApplication());
        // The page never sends an empty topic; rewrite the request on its way out, as an old client might send it.
        await ui.Page.RewriteRequestBodiesAsync("*/api/jobs", body =>
        {
            var json = JsonNode.Parse(body)!;
            json["brief"]!["topic"] = "";
            return json.ToJsonString();
        });

        await ui.Page.FillAsync("#topic", "A topic the page accepts");
        await ui.Page.ClickAsync("#create-submit");

        await ui.WaitForAsync("!document.querySelector('#topic-error').hidden", "the topic's error to show");
        await ui.SnapshotAsync("server-validation-error");
        Assert.Equal("The topic is required.", await ui.Page.TextAsync("#topic-error"));
        Assert.Equal("true", (await ui.Page.EvaluateAsync("document.querySelector('#topic').getAttribute('aria-invalid')")).GetString());
        Assert.Contains("E400-VALIDATION", await ui.Page.TextAsync("#form-banner"));
    }

    [ChromiumFact]
    public async Task A_failed_job_shows_its_code_remediation_ffmpegs_words_and_its_log()
    {
        var orchestrator = new FakeOrchestrator();
        orchestrator.FailIn = stage =>
        {
            if (stage != JobStage.Rendering) return null;
            var logPath = orchestrator.Started.IsCompletedSuccessfully ? orchestrator.Started.Result.FFmpegLogPath : null;
            if (logPath is not null)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
                File.WriteAllText(logPath, "ffmpeg -i cards.txt\n<b>Invalid argument</b>\n");
            }
            return new JobFailedException(new FailureReason("E304-FFMPEG_RUNTIME", "FFmpeg exited with code 1.",
                "Open the FFmpeg log below.", StderrSnippet: "Invalid argument <script>x</script>"));
        };
        await using var ui = await UiSession.StartAsync(new AuraApplication { Orchestrator = orchestrator });

        await ui.Page.FillAsync("#topic", "A job that fails");
        await ui.Page.ClickAsync("#create-submit");

        await ui.WaitForAsync("document.querySelector('#failure-panel')", "the failure panel");
        await ui.SnapshotAsync("failed");
        Assert.Equal("E304-FFMPEG_RUNTIME", await ui.Page.TextAsync("#failure-code"));
        Assert.Equal("FFmpeg exited with code 1.", await ui.Page.TextAsync("#failure-message"));
        Assert.Contains("Open the FFmpeg log below.", await ui.Page.TextAsync("#failure-panel .remediation"));
        Assert.Equal("Invalid argument <script>x</script>", await ui.Page.TextAsync("#stderr-snippet"));
        Assert.Equal("Failed", (await StepRecorder.CurrentStatusesAsync(ui.Page))["Rendering"]);
        Assert.Equal("Failed", await ui.Page.TextAsync("#detail-status"));

        await ui.Page.ClickAsync("#show-ffmpeg-log");
        await ui.WaitForAsync("document.querySelector('#ffmpeg-log')", "the FFmpeg log to be shown");
        Assert.Contains("<b>Invalid argument</b>", await ui.Page.TextAsync("#ffmpeg-log"));
        Assert.Empty(ui.Page.Errors);
    }

    [ChromiumFact]
    public async Task Canceling_a_running_job_shows_the_canceled_state()
    {
        var orchestrator = new FakeOrchestrator().HoldBefore(JobStage.Visuals);
        await using var ui = await UiSession.StartAsync(new AuraApplication { Orchestrator = orchestrator });
        await ui.Page.FillAsync("#topic", "A job to cancel");
        await ui.Page.ClickAsync("#create-submit");
        await ui.WaitForAsync("document.querySelector('.step[data-step=Voice]')?.dataset.status === 'Running'", "the job to be held in Voice");

        await ui.WaitForAsync("document.querySelector('#detail-connection').dataset.state === 'live'", "the job's stream to connect");
        var correlationId = (await ui.Page.EvaluateAsync(
            "fetch('/api/jobs/' + location.hash.slice('#job='.length)).then(r => r.json()).then(j => j.correlationId)")).GetString();
        Assert.Equal(correlationId, await ui.Page.TextAsync(".correlation-id"));
        await ui.SnapshotAsync("cancel-running");
        await ui.Page.ClickAsync("#cancel-job");

        await ui.WaitForAsync("document.querySelector('#canceled-panel')", "the canceled panel");
        await ui.SnapshotAsync("cancel-done");
        Assert.Equal("Canceled", await ui.Page.TextAsync("#detail-status"));
        Assert.True((await ui.Page.EvaluateAsync("document.querySelector('#cancel-job').hidden")).GetBoolean());
        await ui.WaitForAsync("document.querySelector('.job-row[aria-current=true] .badge').textContent === 'Canceled'", "the list to show it canceled");
        Assert.Empty(ui.Page.Errors);
    }

    [ChromiumFact]
    public async Task Without_the_jobs_stream_the_list_is_loaded_once_and_shows_it_is_reconnecting()
    {
        await using var ui = await UiSession.StartAsync(new AuraApplication());
        using var client = ui.Server.CreateClient();
        using var created = await client.PostAsync("/api/jobs",
            new StringContent("""{ "brief": { "topic": "Made before the page opened" } }""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.Accepted, created.StatusCode);
        await ui.Page.FailRequestsAsync("*/api/jobs/events*");

        await ui.Page.NavigateAsync(ui.Server.RootUri.ToString());

        await ui.WaitForAsync("document.querySelector('.job-row .job-row-topic')?.textContent === 'Made before the page opened'", "the list from GET /api/jobs");
        Assert.Equal("Reconnecting…", await ui.Page.TextAsync("#list-connection"));
    }

    [ChromiumFact]
    public async Task When_the_jobs_own_stream_is_refused_the_detail_still_reaches_the_end()
    {
        // One stream per client: the jobs list holds it, so the job's own stream gets 429.
        var orchestrator = new FakeOrchestrator().HoldBefore(JobStage.Compose);
        var server = new AuraApplication { Orchestrator = orchestrator };
        server.Settings["Sse:MaxStreamsPerClient"] = "1";
        await using var ui = await UiSession.StartAsync(server);
        await ui.WaitForAsync("document.querySelector('#list-connection').dataset.state === 'live'", "the jobs stream to connect");

        await ui.Page.FillAsync("#topic", "A job without its own stream");
        await ui.Page.ClickAsync("#create-submit");
        await ui.WaitForAsync("document.querySelector('#detail-connection')?.dataset.state === 'ended'", "the refused stream to show as closed");
        orchestrator.Release(JobStage.Compose);

        await ui.WaitForAsync("document.querySelector('#completed-panel')", "the detail to reach the end anyway");
        Assert.Equal(100, (await ui.Page.EvaluateAsync("document.querySelector('#job-progress').value")).GetInt32());
    }
}
