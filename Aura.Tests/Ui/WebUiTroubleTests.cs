using System.Text.Json.Nodes;
using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Tests.Support;

namespace Aura.Tests.Ui;

/// <summary>The web UI when things go wrong: refusals, failures, cancellation, a service that cannot run jobs.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WebUiTroubleTests
{
    [ChromiumFact]
    public async Task A_topic_the_server_refuses_shows_the_servers_message_beside_the_topic_field()
    {
        await using var ui = await UiSession.StartAsync(new AuraApplication());
        // The page never sends an empty topic; rewrite the request on its way out, as an old client might send it.
        await ui.Page.RouteAsync("**/api/jobs", async route =>
        {
            if (route.Request.Method != "POST") { await route.ContinueAsync(); return; }
            var json = JsonNode.Parse(route.Request.PostData!)!;
            json["brief"]!["topic"] = "";
            await route.ContinueAsync(new() { PostData = System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()) });
        });

        await ui.Page.FillAsync("#topic", "A topic the page accepts");
        await ui.Page.ClickAsync("#create-submit");

        await ui.WaitForAsync("!document.querySelector('#topic-error').hidden", "the topic's error to show");
        await ui.SnapshotAsync("server-validation-error");
        Assert.Equal("The topic is required.", await ui.TextAsync("#topic-error"));
        Assert.Equal("true", await ui.Page.GetAttributeAsync("#topic", "aria-invalid"));
        Assert.Contains("E400-VALIDATION", await ui.TextAsync("#form-banner"));
    }

    [ChromiumFact]
    public async Task A_failed_job_shows_its_code_remediation_ffmpegs_words_and_its_log_at_the_failing_command()
    {
        var orchestrator = new FakeOrchestrator();
        orchestrator.FailIn = stage =>
        {
            if (stage != JobStage.Rendering) return null;
            var logPath = orchestrator.Started.IsCompletedSuccessfully ? orchestrator.Started.Result.FFmpegLogPath : null;
            if (logPath is not null)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
                var earlier = string.Concat(Enumerable.Range(1, 80).Select(i => $"frame={i} fps=30\n"));
                File.WriteAllText(logPath, $"Command: ffmpeg -i cards.txt\n{earlier}Command: ffmpeg -i final.mp4\n<b>Invalid argument</b>\n");
            }
            return new JobFailedException(new FailureReason("E304-FFMPEG_RUNTIME", "FFmpeg exited with code 1.",
                "Open the FFmpeg log below.", StderrSnippet: "Invalid argument <script>x</script>"));
        };
        await using var ui = await UiSession.StartAsync(new AuraApplication { Orchestrator = orchestrator });

        await ui.Page.FillAsync("#topic", "A job that fails");
        await ui.Page.ClickAsync("#create-submit");

        await ui.WaitForAsync("document.querySelector('#ffmpeg-log')", "the failure panel with its log");
        await ui.SnapshotAsync("failed-with-log");
        Assert.Equal("E304-FFMPEG_RUNTIME", await ui.TextAsync("#failure-code"));
        Assert.Equal("FFmpeg exited with code 1.", await ui.TextAsync("#failure-message"));
        Assert.Contains("Open the FFmpeg log below.", await ui.TextAsync("#failure-panel .remediation"));
        Assert.Equal("Invalid argument <script>x</script>", await ui.TextAsync("#stderr-snippet"));
        Assert.Equal("Failed", (await StepRecorder.CurrentStatusesAsync(ui))["Rendering"]);
        Assert.Contains("<b>Invalid argument</b>", await ui.TextAsync("#ffmpeg-log"));
        Assert.Equal("Command: ffmpeg -i final.mp4", await ui.TextAsync("#failing-command"));
        Assert.True(await ui.EvaluateAsync<double>("document.querySelector('#ffmpeg-log').scrollTop") > 0, "the log starts at the failing command");
        Assert.Equal(1, await ui.Page.Locator("a[href*='/logs/ffmpeg']").CountAsync());
        Assert.Empty(ui.Errors);
    }

    [ChromiumFact]
    public async Task Canceling_a_running_job_shows_it_canceled_and_keeps_the_keyboard_on_the_next_action()
    {
        var orchestrator = new FakeOrchestrator().HoldBefore(JobStage.Visuals);
        await using var ui = await UiSession.StartAsync(new AuraApplication { Orchestrator = orchestrator });
        await ui.Page.FillAsync("#topic", "A job to cancel");
        await ui.Page.ClickAsync("#create-submit");
        await ui.WaitForAsync("document.querySelector('.step[data-step=Voice]')?.dataset.status === 'Running'", "the job to be held in Voice");
        await ui.SnapshotAsync("cancel-running");

        await ui.Page.FocusAsync("#cancel-job");
        await ui.Page.Keyboard.PressAsync("Enter");

        await ui.WaitForAsync("document.querySelector('#canceled-panel')", "the canceled panel");
        await ui.SnapshotAsync("cancel-done");
        Assert.Equal("Canceled", await ui.TextAsync("#detail-status"));
        Assert.True(await ui.EvaluateAsync<bool>("document.querySelector('#cancel-job').hidden"));
        Assert.Equal("retry-job", await ui.EvaluateAsync<string>("document.activeElement.id"));
        await ui.WaitForAsync("document.querySelector('.job-row[aria-current=true] .badge').textContent === 'Canceled'", "the list to show it canceled");
        Assert.Empty(ui.Errors);
    }

    [ChromiumFact]
    public async Task A_job_run_again_and_then_deleted_and_one_deleted_elsewhere_leave_the_list_as_they_should()
    {
        await using var ui = await UiSession.StartAsync(new AuraApplication());
        using var client = ui.Server.Client();
        var elsewhere = await client.CreateJobAsync("Deleted by someone else");
        await ui.Page.FillAsync("#topic", "Once more, please");
        await ui.Page.ClickAsync("#create-submit");
        await ui.WaitForAsync("document.querySelector('#completed-panel')", "the first run to complete");
        var first = ui.Page.Url.Split("#job=")[1];

        await ui.Page.ClickAsync("#retry-job");
        await ui.WaitForAsync($"location.hash !== '#job={first}' && document.querySelector('#completed-panel')", "the second run to complete");
        var second = ui.Page.Url.Split("#job=")[1];
        Assert.Equal("Once more, please", await ui.TextAsync("#detail-topic"));
        Assert.Equal(2, await ui.Page.Locator(".job-row-topic", new() { HasTextString = "Once more, please" }).CountAsync());
        await ui.SnapshotAsync("retried");

        await ui.Page.ClickAsync("#delete-job"); // the session accepts the confirm
        await ui.WaitForAsync("document.querySelector('#detail-gone')", "the deleted notice");
        await client.WaitForEndAsync(elsewhere);
        (await client.DeleteAsync($"/api/jobs/{elsewhere}")).Dispose();
        await ui.WaitForAsync($"!document.querySelector('[data-job-id=\"{elsewhere}\"]')", "the job deleted elsewhere to leave the list");
        await ui.SnapshotAsync("deleted");

        Assert.Equal(0, await ui.Page.Locator($"[data-job-id='{second}']").CountAsync());
        Assert.Equal(1, await ui.Page.Locator($"[data-job-id='{first}']").CountAsync());
        Assert.Equal("gone-heading", await ui.EvaluateAsync<string>("document.activeElement.id"));
        Assert.Equal("1", await ui.TextAsync(".filter[data-status=all] .filter-count"));
        Assert.Empty(ui.Errors);
    }

    [ChromiumFact]
    public async Task The_status_filter_counts_jobs_and_shows_only_the_chosen_status()
    {
        var orchestrator = new FakeOrchestrator().HoldBefore(JobStage.Visuals);
        await using var ui = await UiSession.StartAsync(new AuraApplication { Orchestrator = orchestrator, Settings = { ["Jobs:Workers"] = "1" } });
        using var client = ui.Server.Client();
        var held = await client.CreateJobAsync("Held");
        var queued = await client.CreateJobAsync("Waiting");
        await ui.WaitForAsync("document.querySelector('.filter[data-status=Queued] .filter-count')?.textContent === '1'", "the counts");

        await ui.Page.ClickAsync(".filter[data-status=Running]");

        await ui.WaitForAsync("document.querySelectorAll('.job-row').length === 1", "only the running job");
        await ui.SnapshotAsync("filter-running");
        Assert.Equal(held, await ui.Page.GetAttributeAsync(".job-row", "data-job-id"));
        Assert.Equal("true", await ui.Page.GetAttributeAsync(".filter[data-status=Running]", "aria-pressed"));
        Assert.Equal("2", await ui.TextAsync(".filter[data-status=all] .filter-count"));
        Assert.NotNull(queued);
        orchestrator.Release(JobStage.Visuals);
    }

    [ChromiumFact]
    public async Task When_ffmpeg_is_missing_the_page_says_so_on_load_and_what_to_install()
    {
        var server = new AuraApplication();
        server.Settings["FFmpeg:Path"] = "/nonexistent/ffmpeg";
        await using var ui = await UiSession.StartAsync(server);

        await ui.WaitForAsync("!document.querySelector('#health-banner').hidden", "the health banner");
        await ui.SnapshotAsync("health-banner");
        var text = await ui.TextAsync("#health-banner");
        Assert.Contains("cannot run", text);
        Assert.Contains("ffmpeg", text, StringComparison.OrdinalIgnoreCase);
    }
}
