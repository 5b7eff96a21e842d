using Microsoft.Playwright;

namespace Aura.Tests.Ui;

/// <summary>
/// With API keys on, the page's video, subtitles, thumbnails and file links work: the UI fetches each file with
/// the key in a header and hands the browser a blob (an element's own request cannot carry the key), under the
/// service's own Content-Security-Policy, and the key is in no address the browser requests.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyedFilesUiTests
{
    private const string Key = "ui-alice-0123456789abcdef";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(240);

    [ChromiumFact]
    public async Task Under_an_api_key_the_video_plays_with_subtitles_the_cards_show_and_the_links_download_the_files_with_the_key_in_no_address()
    {
        var app = new AuraApplication { Orchestrator = null, Store = null, Settings = { ["Auth:ApiKeys:alice"] = Key } };
        await using var ui = await UiSession.StartAsync(app, bypassCsp: false);
        var addresses = new List<string>();
        ui.Page.Request += (_, request) => { lock (addresses) addresses.Add(request.Url); };
        await ui.Page.Context.AddInitScriptAsync("""
            window.__violations = [];
            document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
            """);
        await ui.Page.ReloadAsync();

        // Locators and evaluations only: the service's policy forbids the eval Playwright's wait predicates use.
        await ui.Page.Locator("#key-dialog[open]").WaitForAsync();
        await ui.Page.FillAsync("#api-key", Key);
        await ui.Page.ClickAsync("#key-dialog button[value=save]");
        await ui.Page.Locator("#list-connection[data-state=live]").WaitForAsync();
        await ui.Page.ClickAsync("#quick-demo");
        await ui.Page.Locator("#completed-panel").WaitForAsync(new() { Timeout = (float)Patience.TotalMilliseconds });

        await TrueInPageAsync(ui, "document.querySelector('#result-video').readyState >= 1", "the video's metadata to load");
        await TrueInPageAsync(ui, "document.querySelector('#result-video').textTracks[0]?.cues?.length > 0", "the subtitles to load");
        await TrueInPageAsync(ui, "[...document.querySelectorAll('.thumbnails img')].length > 0 && [...document.querySelectorAll('.thumbnails img')].every(i => i.complete && i.naturalWidth > 0)",
            "the cards' thumbnails to show");
        await ui.EvaluateAsync<object>("document.querySelector('#result-video').play().then(() => true)");
        await TrueInPageAsync(ui, "document.querySelector('#result-video').currentTime > 0.5", "the video to play");
        Assert.StartsWith("blob:", await ui.EvaluateAsync<string>("document.querySelector('#result-video').src"));
        var jobId = (await ui.EvaluateAsync<string>("location.hash")).Replace("#job=", "", StringComparison.Ordinal);
        var client = app.Client();
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);

        var video = await DownloadAsync(ui, "#video-link");
        var srtName = await ui.TextAsync(".artifact-list a[href$='.srt']");
        var srt = await DownloadAsync(ui, $".artifact-list a[href$='.srt']");

        Assert.Equal("video.mp4", video.Name);
        Assert.Equal(await client.GetByteArrayAsync($"/api/jobs/{jobId}/artifacts/video.mp4"), video.Bytes);
        Assert.Equal(srtName, srt.Name);
        Assert.Equal(await client.GetByteArrayAsync($"/api/jobs/{jobId}/artifacts/{srtName}"), srt.Bytes);
        Assert.Empty(await ui.EvaluateAsync<string[]>("window.__violations"));
        lock (addresses)
            Assert.DoesNotContain(addresses, a => a.Contains(Key, StringComparison.Ordinal));
        Assert.Empty(ui.Errors);
    }

    private static async Task<(string Name, byte[] Bytes)> DownloadAsync(UiSession ui, string link)
    {
        var download = await ui.Page.RunAndWaitForDownloadAsync(() => ui.Page.ClickAsync(link));
        var path = await download.PathAsync();
        return (download.SuggestedFilename, await File.ReadAllBytesAsync(path));
    }

    private static async Task TrueInPageAsync(UiSession ui, string condition, string description)
    {
        for (var deadline = DateTime.UtcNow + Patience; !await ui.EvaluateAsync<bool>(condition); await Task.Delay(200))
        {
            if (DateTime.UtcNow > deadline)
            {
                await ui.SnapshotAsync("keyed-files-" + new string(description.Where(char.IsLetterOrDigit).Take(40).ToArray()));
                Assert.Fail($"Waited {Patience.TotalSeconds} s for {description} ({condition}).");
            }
        }
    }
}
