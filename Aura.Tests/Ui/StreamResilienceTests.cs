using Aura.Core.Jobs;
using Aura.Tests.Support;

namespace Aura.Tests.Ui;

/// <summary>
/// The page's one stream against a service that restarts, a proxy that stops forwarding, and a
/// service that refuses connections: it reconnects by itself, resumes, and catches up without a reload.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StreamResilienceTests
{
    private const string Live = "document.querySelector('#list-connection').dataset.state === 'live'";
    private const string NotLive = "document.querySelector('#list-connection').dataset.state !== 'live'";
    // Set once; still there at the end means the page was never reloaded.
    private const string Mark = "() => { window.__sameDocument = true; }";
    private const string StillSameDocument = "window.__sameDocument === true";

    [ChromiumFact]
    public async Task After_a_restart_mid_job_the_page_reconnects_and_follows_the_resumed_job_to_its_video()
    {
        using var folder = new TempFolder();
        // The built service has no wwwroot beside it (only a publish copies it): serve the page from the sources.
        string[] settings = ["--Sse:PollInterval", "00:00:00.100", "--webroot", WebRoot()];
        var first = await ServiceProcess.StartAsync(folder.Combine("data"), folder.Combine("logs"), settings);
        ServiceProcess? second = null;
        try
        {
            await using var proxy = new FaultProxy(first.Address);
            await using var ui = await UiSession.StartAsync(proxy.Address);
            await ui.Page.EvaluateAsync(Mark);
            await ui.WaitForAsync(Live, "the stream to connect");
            using var client = first.Client();
            var (_, job) = await client.PostJobAsync("""
                { "brief": { "topic": "Why tides rise and fall" }, "planSpec": { "targetDuration": "00:00:40", "pacing": "Slow" } }
                """);
            var jobId = job.GetProperty("jobId").GetString()!;
            await ui.Page.ClickAsync($"[data-job-id='{jobId}']");
            await ui.WaitForAsync("document.querySelector('.step[data-step=Rendering]')?.dataset.status === 'Running'", "the render to start", seconds: 180);

            first.Kill();
            await ui.WaitForAsync(NotLive, "the page to notice the service is gone");
            await ui.SnapshotAsync("restart-reconnecting");
            second = await ServiceProcess.StartAsync(folder.Combine("data"), folder.Combine("logs"), settings);
            proxy.RetargetTo(second.Address);

            await ui.WaitForAsync(Live, "the page to reconnect by itself");
            await ui.WaitForAsync("document.querySelector('#completed-panel')", "the resumed job to finish", seconds: 240);
            await ui.SnapshotAsync("restart-caught-up");
            Assert.True(await ui.EvaluateAsync<bool>(StillSameDocument), "the page caught up without a reload");
            Assert.Contains("Attempt 2", await ui.TextAsync("#attempt-note"));
            Assert.True(await ui.EvaluateAsync<bool>("!document.querySelector('#attempt-note').hidden"));
            var resumes = proxy.StreamRequests.Skip(1).ToList();
            Assert.NotEmpty(resumes);
            Assert.All(resumes.Where(r => !r.Refused), r => Assert.NotNull(r.Header("Last-Event-ID")));
        }
        finally
        {
            first.Dispose();
            second?.Dispose();
        }
    }

    private static string WebRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "Aura.Jobs.sln")))
            dir = dir.Parent;
        return Path.Combine(dir.FullName, "Aura.Api", "wwwroot");
    }

    [ChromiumFact]
    public async Task A_stream_that_goes_silent_is_dropped_by_the_idle_guard_and_the_page_catches_up()
    {
        var orchestrator = new FakeOrchestrator();
        await using var app = new AuraApplication { Orchestrator = orchestrator };
        await using var proxy = new FaultProxy(app.RootUri);
        await using var ui = await UiSession.StartAsync(proxy.Address);
        await ui.Page.EvaluateAsync(Mark);
        await ui.WaitForAsync(Live, "the stream to connect");
        using var client = app.Client();
        var before = await client.CreateJobAsync("Seen before the freeze");
        await ui.WaitForAsync($"document.querySelector(\"[data-job-id='{before}']\")", "the first job in the list");

        proxy.FreezeOpenStreams();
        var frozenAt = DateTime.UtcNow;
        var during = await client.CreateJobAsync("Made while the stream was frozen");
        await client.WaitForEndAsync(during);

        await ui.WaitForAsync($"document.querySelector(\"[data-job-id='{during}'] .badge\")?.textContent === 'Done'", "the page to catch up");
        await ui.SnapshotAsync("idle-guard-caught-up");
        var reconnect = proxy.StreamRequests.First(r => r.At > frozenAt);
        Assert.True(reconnect.At - frozenAt >= TimeSpan.FromSeconds(20), $"reconnected {(reconnect.At - frozenAt).TotalSeconds:0.0} s after the freeze: by the idle guard, not before");
        Assert.NotNull(reconnect.Header("Last-Event-ID"));
        Assert.True(await ui.EvaluateAsync<bool>(StillSameDocument), "caught up without a reload");
        Assert.Empty(ui.Errors);
    }

    [ChromiumFact]
    public async Task While_connections_are_refused_the_attempts_back_off_to_the_cap_and_the_page_is_live_again_after()
    {
        await using var app = new AuraApplication();
        await using var proxy = new FaultProxy(app.RootUri);
        await using var ui = await UiSession.StartAsync(proxy.Address);
        await ui.Page.EvaluateAsync(Mark);
        await ui.WaitForAsync(Live, "the stream to connect");

        proxy.StartRefusing();
        var refusingSince = DateTime.UtcNow;
        await ui.WaitForAsync("Number(document.querySelector('#list-connection').dataset.attempt) >= 3", "three failed attempts");
        await ui.SnapshotAsync("refused-reconnecting");
        var shown = await ui.TextAsync("#connection-text");
        Assert.True(await ui.Page.IsVisibleAsync("#retry-now") || shown.Contains("trying now", StringComparison.Ordinal));
        while (DateTime.UtcNow - refusingSince < TimeSpan.FromSeconds(40))
            await Task.Delay(500);
        proxy.StopRefusing();

        await ui.WaitForAsync(Live, "the page to be live again once the service answers");
        await ui.SnapshotAsync("refused-live-again");
        var attempts = proxy.StreamRequests.Where(r => r.At >= refusingSince && r.Refused).Select(r => r.At).ToList();
        var gaps = attempts.Zip(attempts.Skip(1), (a, b) => (b - a).TotalSeconds).ToList();
        Assert.True(attempts.Count >= 5, $"{attempts.Count} attempts while refused");
        // Order and growth, not exact times (a busy machine delays timers): each wait at least about as long as
        // the one before (1, 2, 4, 8 s, …), the later ones near the 15 s cap, none far beyond it.
        Assert.All(gaps.Zip(gaps.Skip(1)), pair => Assert.True(pair.Second >= pair.First * 0.8, $"gaps {string.Join(", ", gaps.Select(g => g.ToString("0.0")))}"));
        Assert.True(gaps[^1] >= 10, $"the last wait {gaps[^1]:0.0} s reached the cap region");
        Assert.True(gaps.Max() <= 22, $"the waits stay capped: {string.Join(", ", gaps.Select(g => g.ToString("0.0")))}");
        Assert.True(gaps[1] >= 1.5 * gaps[0], $"the waits grow: {string.Join(", ", gaps.Select(g => g.ToString("0.0")))}");
        Assert.True(await ui.EvaluateAsync<bool>(StillSameDocument));
        Assert.Empty(ui.Errors);
    }
}
