using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Tests.Support;

namespace Aura.Tests.Ui;

/// <summary>The web UI in a real headless Chromium (driven by Playwright) against the real API on Kestrel.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WebUiTests
{
    private static readonly string[] FiveStages = ["Script", "Voice", "Visuals", "Compose", "Rendering"];

    [ChromiumFact]
    public async Task The_page_opens_exactly_one_stream_and_the_detail_needs_no_other()
    {
        await using var ui = await UiSession.StartAsync(new AuraApplication());
        await ui.WaitForAsync("document.querySelector('#list-connection').dataset.state === 'live'", "the first load's stream");
        var streams = new List<string>();
        ui.Page.Request += (_, request) => { if (request.Url.Contains("/events", StringComparison.Ordinal)) streams.Add(request.Url); };
        await ui.Page.ReloadAsync();
        await ui.WaitForAsync("document.querySelector('#list-connection').dataset.state === 'live'", "the stream to connect");

        await ui.Page.FillAsync("#topic", "One stream is enough");
        await ui.Page.ClickAsync("#create-submit");
        await ui.WaitForAsync("document.querySelector('#completed-panel')", "the job to complete");

        await ui.SnapshotAsync("one-stream-completed");
        Assert.Equal(["/api/jobs/events"], streams.Select(u => new Uri(u).AbsolutePath));
        Assert.Equal("Live", await ui.TextAsync("#connection-text"));
        Assert.Empty(ui.Errors);
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
        Assert.Equal("Why the sky is <b>blue</b>", await ui.TextAsync("#detail-topic"));
        Assert.Equal(0, await ui.EvaluateAsync<int>("document.querySelectorAll('#detail-topic b, .job-row b').length"));
        Assert.Equal(FiveStages, await StepRecorder.SucceededOrderAsync(ui));
        Assert.Equal(100, await ui.EvaluateAsync<int>("document.querySelector('#job-progress').value"));
        Assert.Equal("Done", await ui.TextAsync("#detail-status"));
        Assert.Empty(ui.Errors);
    }

    [ChromiumFact]
    public async Task The_quick_demo_lights_every_stage_in_order_and_plays_the_video_with_subtitles_on()
    {
        await using var ui = await UiSession.StartAsync(AuraApplication.AsShipped());
        await ui.Page.EvaluateAsync(StepRecorder.Install);

        await ui.Page.ClickAsync("#quick-demo");

        await ui.WaitForAsync("document.querySelector('#detail-topic')", "the demo job to be selected");
        await ui.WaitForAsync("document.querySelector('#result-video')", "the demo video to be offered", seconds: 180);
        await ui.WaitForAsync("document.querySelector('#result-video').readyState >= 1", "the video's metadata to load");
        await ui.WaitForAsync("document.querySelector('#result-video').textTracks[0]?.cues?.length > 0", "the subtitles to load");
        await ui.EvaluateAsync<object>("document.querySelector('#result-video').play().then(() => true)");
        await ui.WaitForAsync("document.querySelector('#result-video').currentTime > 0.5", "the video to play");
        await ui.SnapshotAsync("quick-demo-playing");

        Assert.Equal(FiveStages, await StepRecorder.SucceededOrderAsync(ui));
        Assert.Equal("showing", await ui.EvaluateAsync<string>("document.querySelector('#result-video').textTracks[0].mode"));
        Assert.False(string.IsNullOrWhiteSpace(await ui.EvaluateAsync<string>("document.querySelector('#result-video').textTracks[0].cues[0].text")));
        Assert.StartsWith("Video: ", await ui.EvaluateAsync<string>("document.querySelector('#result-video').getAttribute('aria-label')"));
        Assert.Equal(3, await ui.EvaluateAsync<int>("document.querySelectorAll('#video-link, #subtitle-link, #vtt-link').length"));
        Assert.Empty(ui.Errors);
    }

    [ChromiumFact]
    public async Task Reloading_a_finished_jobs_address_shows_its_final_state()
    {
        await using var ui = await UiSession.StartAsync(new AuraApplication());
        await ui.Page.FillAsync("#topic", "A job to come back to");
        await ui.Page.ClickAsync("#create-submit");
        await ui.WaitForAsync("document.querySelector('#completed-panel')", "the job to complete");
        var address = ui.Page.Url;

        await ui.Page.GotoAsync("about:blank");
        await ui.Page.GotoAsync(address);

        await ui.WaitForAsync("document.querySelector('#completed-panel')", "the final state after the reload");
        Assert.Equal("A job to come back to", await ui.TextAsync("#detail-topic"));
        Assert.All((await StepRecorder.CurrentStatusesAsync(ui)).Values, status => Assert.Equal("Succeeded", status));
        Assert.Empty(ui.Errors);
    }

    [ChromiumFact]
    public async Task The_form_works_from_the_keyboard_behind_a_skip_link_and_every_part_has_a_name()
    {
        await using var ui = await UiSession.StartAsync(new AuraApplication());
        Assert.Equal(0, await ui.EvaluateAsync<int>(
            "[...document.querySelectorAll('#create-form input, #create-form select, #create-form textarea')].filter(f => f.labels.length === 0).length"));

        Assert.True(await ui.EvaluateAsync<bool>(
            "document.querySelector('a[href], button, input, select, textarea') === document.querySelector('#skip-link')"), "the skip link comes first");

        await ui.Page.FocusAsync("#skip-link");
        await ui.Page.Keyboard.PressAsync("Enter");
        await ui.Page.Keyboard.PressAsync("Tab");
        Assert.Equal("topic", await ui.EvaluateAsync<string>("document.activeElement.id"));
        await ui.Page.Keyboard.TypeAsync("Typed, not scripted");
        await ui.Page.FocusAsync("#create-submit");
        await ui.Page.Keyboard.PressAsync("Enter");

        await ui.WaitForAsync("document.querySelector('#completed-panel')", "the job to complete");
        Assert.Equal("Typed, not scripted", await ui.TextAsync("#detail-topic"));
        Assert.Equal("Job progress", await ui.EvaluateAsync<string>(
            "document.getElementById(document.querySelector('#job-progress').getAttribute('aria-labelledby')).textContent"));
        Assert.Equal("Done", await ui.TextAsync(".job-row[aria-current=true] .badge"));
        // The percent is not announced as it moves; the stage and the end are.
        Assert.Null(await ui.EvaluateAsync<string?>("document.querySelector('#progress-text').getAttribute('aria-live')"));
        Assert.Equal("Done.", await ui.TextAsync("#progress-announcer"));
    }

    [ChromiumTheory]
    [InlineData(360)]
    [InlineData(420)]
    public async Task On_a_narrow_screen_the_form_the_title_and_the_outcome_use_the_whole_width(int width)
    {
        await using var ui = await UiSession.StartAsync(new AuraApplication(), width: width, height: 900);

        var formWidth = await ui.EvaluateAsync<double>("document.querySelector('#create-form').getBoundingClientRect().width");
        await ui.SnapshotAsync($"narrow-{width}-form");
        await ui.Page.FillAsync("#topic", "A narrow screen");
        await ui.Page.ClickAsync("#create-submit");
        await ui.WaitForAsync("document.querySelector('#completed-panel')", "the job to complete");
        await ui.SnapshotAsync($"narrow-{width}-completed");

        var usable = width - 60; // the page's own margins
        Assert.True(formWidth > usable, $"the form is {formWidth} px wide of {width}");
        Assert.True(await ui.EvaluateAsync<double>("document.querySelector('#detail-topic').getBoundingClientRect().width") > usable - 60);
        Assert.True(await ui.EvaluateAsync<double>("document.querySelector('.stepper').getBoundingClientRect().width") > usable);
        Assert.True(await ui.EvaluateAsync<bool>($"document.documentElement.scrollWidth <= {width}"), "nothing makes the page scroll sideways");
        Assert.True(await ui.EvaluateAsync<double>("document.querySelector('#completed-panel').getBoundingClientRect().width") > usable);
    }

    [ChromiumFact]
    public async Task At_1920_pixels_wide_the_list_and_the_job_sit_side_by_side()
    {
        await using var ui = await UiSession.StartAsync(new AuraApplication(), width: 1920, height: 1080);
        await ui.Page.FillAsync("#topic", "A wide screen");
        await ui.Page.ClickAsync("#create-submit");
        await ui.WaitForAsync("document.querySelector('#completed-panel')", "the job to complete");
        await ui.SnapshotAsync("wide-1920-completed");

        var sidebar = await ui.EvaluateAsync<double[]>("(r => [r.left, r.right])(document.querySelector('.sidebar').getBoundingClientRect())");
        var pane = await ui.EvaluateAsync<double[]>("(r => [r.left, r.right])(document.querySelector('.pane').getBoundingClientRect())");
        Assert.True(pane[0] >= sidebar[1], "the job is beside the list, not under it");
        Assert.True(await ui.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 1920"));
    }
}
