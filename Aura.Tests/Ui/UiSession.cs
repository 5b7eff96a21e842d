using Microsoft.Playwright;

namespace Aura.Tests.Ui;

/// <summary>
/// What every UI test starts from: a service (its own temp data), its own headless Chromium
/// through Playwright, one tab on the UI. Disposing closes the browser and stops the service.
/// </summary>
public sealed class UiSession : IAsyncDisposable
{
    /// <summary>How long a wait for the page may take: generous, for a busy two-core machine.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly List<string> _errors = [];
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly IAsyncDisposable? _server;

    private UiSession(IPlaywright playwright, IBrowser browser, IPage page, IAsyncDisposable? server)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
        _server = server;
        // Uncaught exceptions and console errors, except the browser's own line for a refused
        // connection: tests that stop the service cause those on purpose.
        page.PageError += (_, error) => _errors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
                _errors.Add(message.Text);
        };
        page.Dialog += (_, dialog) => dialog.AcceptAsync(); // Delete's confirm: the test clicked it, it means it
    }

    public IPage Page { get; }

    public IReadOnlyCollection<string> Errors => _errors.ToArray();

    /// <summary>The service under test, when the session owns an <see cref="AuraApplication"/>.</summary>
    public AuraApplication Server => (AuraApplication)_server!;

    /// <param name="server">The service to test (not yet started); the session owns it from here on.</param>
    /// <param name="bypassCsp">
    /// True for every test but the one about the policy: the service sends <c>Content-Security-Policy:
    /// default-src 'self'</c>, under which Playwright's own wait predicates (evaluated with eval) cannot run.
    /// </param>
    public static async Task<UiSession> StartAsync(AuraApplication server, int width = 1280, int height = 860, bool bypassCsp = true)
    {
        try
        {
            return await OpenAsync(server.RootUri, server, width, height, bypassCsp);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>A session on a service the test runs itself (a process, or behind a proxy).</summary>
    public static Task<UiSession> StartAsync(Uri root, int width = 1280, int height = 860) => OpenAsync(root, null, width, height, bypassCsp: true);

    private static async Task<UiSession> OpenAsync(Uri root, IAsyncDisposable? server, int width, int height, bool bypassCsp)
    {
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(Chromium.LaunchOptions);
            var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, BypassCSP = bypassCsp });
            context.SetDefaultTimeout((float)Patience.TotalMilliseconds);
            var page = await context.NewPageAsync();
            var session = new UiSession(playwright, browser, page, server);
            await page.GotoAsync(root.ToString());
            return session;
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>Waits until a JavaScript condition holds in the page; fails with what was awaited.</summary>
    public async Task WaitForAsync(string condition, string description, int seconds = 90)
    {
        try
        {
            await Page.WaitForFunctionAsync(condition, null, new() { Timeout = seconds * 1000, PollingInterval = 100 });
        }
        catch (TimeoutException)
        {
            await SnapshotAsync("timeout-" + new string(description.Where(char.IsLetterOrDigit).Take(40).ToArray()));
            throw new TimeoutException($"Waited {seconds} s for {description} ({condition}).");
        }
    }

    public Task<T> EvaluateAsync<T>(string expression) => Page.EvaluateAsync<T>(expression);

    public Task<string> TextAsync(string selector) => Page.Locator(selector).First.TextContentAsync()!;

    /// <summary>Saves what the page looks like as TestResults/ui/{name}.png (or under AURA_UI_SCREENSHOTS): how a person reviews the UI the tests drove.</summary>
    public Task SnapshotAsync(string name)
    {
        var folder = Environment.GetEnvironmentVariable("AURA_UI_SCREENSHOTS") is { Length: > 0 } set ? set : TestResultsFolder();
        Directory.CreateDirectory(folder);
        return Page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    private static string TestResultsFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Aura.Jobs.sln")))
            dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? Path.GetTempPath(), "TestResults", "ui");
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
        if (_server is not null)
            await _server.DisposeAsync();
    }
}
