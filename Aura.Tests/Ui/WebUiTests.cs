using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Tests.Support;

namespace Aura.Tests.Ui;

/// <summary>The desktop web UI in a real headless Chromium against the real API on Kestrel.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WebUiTests
{
    private static readonly string[] FiveStages = ["Script", "Voice", "Visuals", "Compose", "Rendering"];

    [ChromiumFact]
    public async Task The_page_loads_with_no_console_errors_and_the_jobs_stream_connects()
    {
        await using var ui = await UiSession.StartAsync(AuraApplication.AsShipped());

        await ui.WaitForAsync("document.querySelector('#list-connection').dataset.state === 'live'", "the jobs stream to connect");

        await ui.SnapshotAsync("page-loaded");
        Assert.Equal("New video", await ui.Page.TextAsync("#create-heading"));
        Assert.Empty(ui.Page.Errors);
    }

    [ChromiumFact]
    public async Task A_job_created_from_the_form_shows_each_stage_succeed_in_order_and_the_bar_reach_100()
    {
        await using var ui = await UiSession.StartAsync(new AuraApplication());
        await ui.Page.EvaluateAsync(StepRecorder.Install);

        await ui.Page.FillAsync("#topic", "Why the sky is <b>blue</b>");
        await ui.Page.ClickAsync("#create-submit");

        await ui.WaitForAsync("document.querySelector('#completed-panel')", "the job to complete");
        await ui.SnapshotAsync("form-job-completed");
        Assert.Equal("Why the sky is <b>blue</b>", await ui.Page.TextAsync("#detail-topic"));
        Assert.Equal(0, (await ui.Page.EvaluateAsync("document.querySelectorAll('#detail-topic b, .job-row b').length")).GetInt32());
        Assert.Equal(FiveStages, await StepRecorder.SucceededOrderAsync(ui.Page));
        Assert.Equal(100, (await ui.Page.EvaluateAsync("document.querySelector('#job-progress').value")).GetInt32());
        Assert.Equal("Done", await ui.Page.TextAsync("#detail-status"));
        Assert.Empty(ui.Page.Errors);
    }

    [ChromiumFact]
    public async Task The_quick_demo_shows_every_stage_succeed_in_order_and_plays_the_video()
    {
        await using var ui = await UiSession.StartAsync(AuraApplication.AsShipped());
        await ui.Page.EvaluateAsync(StepRecorder.Install);

        await ui.Page.ClickAsync("#quick-demo");

        await ui.WaitForAsync("document.querySelector('#detail-topic')", "the demo job to be selected");
        await ui.WaitForAsync("document.querySelector('#job-progress').value > 20", "the demo to be well under way", seconds: 60);
        await ui.SnapshotAsync("quick-demo-running");
        await ui.WaitForAsync("document.querySelector('#result-video')", "the demo video to be offered", seconds: 120);
        await ui.WaitForAsync("document.querySelector('#result-video').duration > 0", "the video's metadata to load");
        await ui.SnapshotAsync("quick-demo-completed");
        Assert.Equal(FiveStages, await StepRecorder.SucceededOrderAsync(ui.Page));
        Assert.All((await StepRecorder.CurrentStatusesAsync(ui.Page)).Values, status => Assert.Equal("Succeeded", status));
        Assert.Equal(100, (await ui.Page.EvaluateAsync("document.querySelector('#job-progress').value")).GetInt32());
        Assert.Empty(ui.Page.Errors);
    }

    [ChromiumFact]
    public async Task Reloading_a_finished_jobs_address_shows_its_final_state_without_a_stream()
    {
        await using var ui = await UiSession.StartAsync(new AuraApplication());
        await ui.Page.FillAsync("#topic", "A job to come back to");
        await ui.Page.ClickAsync("#create-submit");
        await ui.WaitForAsync("document.querySelector('#completed-panel')", "the job to complete");
        var address = (await ui.Page.EvaluateAsync("location.href")).GetString()!;

        await ui.Page.NavigateAsync("about:blank");
        await ui.Page.NavigateAsync(address);

        await ui.WaitForAsync("document.querySelector('#completed-panel')", "the final state after the reload");
        Assert.Equal("A job to come back to", await ui.Page.TextAsync("#detail-topic"));
        Assert.All((await StepRecorder.CurrentStatusesAsync(ui.Page)).Values, status => Assert.Equal("Succeeded", status));
        Assert.Equal("finished", (await ui.Page.EvaluateAsync("document.querySelector('#detail-connection').dataset.state")).GetString());
        Assert.Empty(ui.Page.Errors);
    }

    [ChromiumFact]
    public async Task The_form_works_from_the_keyboard_and_every_part_has_a_name_a_screen_reader_can_say()
    {
        await using var ui = await UiSession.StartAsync(new AuraApplication());
        Assert.Equal(0, (await ui.Page.EvaluateAsync(
            "[...document.querySelectorAll('#create-form input, #create-form select, #create-form textarea')].filter(f => f.labels.length === 0).length")).GetInt32());
        Assert.Equal("topic", (await ui.Page.EvaluateAsync("document.activeElement.id")).GetString());

        await ui.Page.TypeAsync("Typed, not scripted");
        await ui.Page.EvaluateAsync("document.querySelector('#create-submit').focus()");
        await ui.Page.PressAsync("Enter", 13, "\r");

        await ui.WaitForAsync("document.querySelector('#completed-panel')", "the job to complete");
        Assert.Equal("Typed, not scripted", await ui.Page.TextAsync("#detail-topic"));
        Assert.Equal("polite", (await ui.Page.EvaluateAsync("document.querySelector('#progress-text').getAttribute('aria-live')")).GetString());
        Assert.Equal("Job progress", (await ui.Page.EvaluateAsync(
            "document.getElementById(document.querySelector('#job-progress').getAttribute('aria-labelledby')).textContent")).GetString());
        Assert.Equal("Done", await ui.Page.TextAsync(".job-row[aria-current=true] .badge"));
        Assert.Equal(5, (await ui.Page.EvaluateAsync("[...document.querySelectorAll('.step-status')].filter(s => s.textContent === 'Done').length")).GetInt32());
    }
}
