namespace Aura.Tests.Ui;

/// <summary>
/// What every UI test starts from: its own server (own temp data), its own browser (own
/// profile), one tab on the UI. Disposing kills the browser's process tree and stops the server.
/// </summary>
public sealed class UiSession : IAsyncDisposable
{
    private UiSession(AuraApplication server, ChromiumBrowser browser, BrowserPage page)
    {
        Server = server;
        Browser = browser;
        Page = page;
    }

    public AuraApplication Server { get; }
    public ChromiumBrowser Browser { get; }
    public BrowserPage Page { get; }

    /// <param name="server">The service to test (not yet started); the session owns it from here on.</param>
    public static async Task<UiSession> StartAsync(AuraApplication server)
    {
        var root = server.RootUri;
        ChromiumBrowser? browser = null;
        try
        {
            browser = await ChromiumBrowser.LaunchAsync();
            var page = await browser.NewPageAsync();
            await page.NavigateAsync(root.ToString());
            return new UiSession(server, browser, page);
        }
        catch
        {
            if (browser is not null) await browser.DisposeAsync();
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits for a DOM condition with the UI tests' patience (the page polls every 100 ms).</summary>
    public Task WaitForAsync(string condition, string description, int seconds = 60) =>
        Page.WaitForAsync(condition, TimeSpan.FromSeconds(seconds), description);

    /// <summary>
    /// Saves what the page looks like as {name}.png in the folder named by AURA_UI_SCREENSHOTS,
    /// when set: how a person reviews the UI the tests drove. Does nothing otherwise.
    /// </summary>
    public async Task SnapshotAsync(string name)
    {
        var folder = Environment.GetEnvironmentVariable("AURA_UI_SCREENSHOTS");
        if (string.IsNullOrEmpty(folder)) return;
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(Path.Combine(folder, name + ".png"));
    }

    public async ValueTask DisposeAsync()
    {
        await Page.DisposeAsync();
        await Browser.DisposeAsync();
        await Server.DisposeAsync();
    }
}
