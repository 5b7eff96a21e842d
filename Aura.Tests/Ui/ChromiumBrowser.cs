using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Aura.Tests.Ui;

/// <summary>
/// One headless Chromium process with its own throw-away profile folder. Started with
/// <c>--remote-debugging-port=0</c> so parallel tests never fight over a port; the chosen
/// address is read from the "DevTools listening on ws://…" line on stderr. Disposing kills the
/// whole process tree (renderers, GPU and zygote processes too) and deletes the profile.
/// </summary>
public sealed partial class ChromiumBrowser : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly string _profileFolder;
    private readonly Uri _browserEndpoint;

    private ChromiumBrowser(Process process, string profileFolder, Uri browserEndpoint)
    {
        _process = process;
        _profileFolder = profileFolder;
        _browserEndpoint = browserEndpoint;
    }

    public static bool IsInstalled => File.Exists(ExecutablePath);

    public static async Task<ChromiumBrowser> LaunchAsync(CancellationToken cancellationToken = default)
    {
        var profileFolder = Directory.CreateTempSubdirectory("aura-ui-chromium-").FullName;
        var start = new ProcessStartInfo(ExecutablePath)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--disable-dev-shm-usage", "--mute-audio", "--window-size=1280,900",
                     "--remote-debugging-port=0", $"--user-data-dir={profileFolder}", "about:blank",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Chromium did not start.");
        var endpoint = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stderrTail = new Queue<string>();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (stderrTail)
            {
                stderrTail.Enqueue(e.Data);
                if (stderrTail.Count > 20) stderrTail.Dequeue();
            }
            var match = DevToolsLine().Match(e.Data);
            if (match.Success) endpoint.TrySetResult(new Uri(match.Groups[1].Value));
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        try
        {
            var browserEndpoint = await endpoint.Task.WaitAsync(StartTimeout, cancellationToken);
            return new ChromiumBrowser(process, profileFolder, browserEndpoint);
        }
        catch (TimeoutException)
        {
            Kill(process);
            string tail;
            lock (stderrTail) tail = string.Join(Environment.NewLine, stderrTail);
            throw new InvalidOperationException($"Chromium printed no DevTools address within {StartTimeout.TotalSeconds} s:{Environment.NewLine}{tail}");
        }
    }

    /// <summary>Opens a new tab and connects to it; the page's events flow from this moment on.</summary>
    public async Task<BrowserPage> NewPageAsync(CancellationToken cancellationToken = default)
    {
        await using var browser = await CdpConnection.ConnectAsync(_browserEndpoint, cancellationToken);
        var created = await browser.SendAsync("Target.createTarget", new { url = "about:blank" }, cancellationToken);
        var targetId = created.GetProperty("targetId").GetString();
        var pageEndpoint = new Uri($"ws://{_browserEndpoint.Authority}/devtools/page/{targetId}");
        return await BrowserPage.OpenAsync(await CdpConnection.ConnectAsync(pageEndpoint, cancellationToken), cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Kill(_process);
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _process.Dispose();
        try
        {
            Directory.Delete(_profileFolder, recursive: true);
        }
        catch (IOException)
        {
            // A last child may still hold a file for a moment; the temp folder is cleaned by the OS.
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    [GeneratedRegex(@"DevTools listening on (ws://\S+)")]
    private static partial Regex DevToolsLine();
}
