using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;

namespace Aura.Tests.Ui;

/// <summary>
/// One tab, driven the way a test reads: navigate, click, fill, wait until the DOM says so.
/// Every page error (uncaught exceptions, console.error, failed loads the browser logs) is
/// collected in <see cref="Errors"/> from the moment the tab opens.
/// </summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private readonly CdpConnection _cdp;
    private readonly ConcurrentQueue<string> _errors = new();

    private BrowserPage(CdpConnection cdp)
    {
        _cdp = cdp;
        _cdp.EventReceived += CollectErrors;
    }

    public IReadOnlyCollection<string> Errors => _errors.ToArray();

    public CdpConnection Cdp => _cdp;

    internal static async Task<BrowserPage> OpenAsync(CdpConnection cdp, CancellationToken cancellationToken)
    {
        var page = new BrowserPage(cdp);
        await cdp.SendAsync("Runtime.enable", cancellationToken: cancellationToken);
        await cdp.SendAsync("Log.enable", cancellationToken: cancellationToken);
        await cdp.SendAsync("Page.enable", cancellationToken: cancellationToken);
        return page;
    }

    public async Task NavigateAsync(string url, CancellationToken cancellationToken = default)
    {
        var result = await _cdp.SendAsync("Page.navigate", new { url }, cancellationToken);
        if (result.TryGetProperty("errorText", out var error))
        {
            throw new InvalidOperationException($"Could not open {url}: {error.GetString()}");
        }
        await WaitForAsync("document.readyState === 'complete'", TimeSpan.FromSeconds(60), $"{url} to load", cancellationToken);
    }

    /// <summary>Runs JavaScript in the page (promises awaited) and returns its value as JSON.</summary>
    public async Task<JsonElement> EvaluateAsync(string expression, CancellationToken cancellationToken = default)
    {
        var reply = await _cdp.SendAsync("Runtime.evaluate",
            new { expression, awaitPromise = true, returnByValue = true }, cancellationToken);
        if (reply.TryGetProperty("exceptionDetails", out var exception))
        {
            throw new InvalidOperationException($"The page threw while evaluating `{expression}`: {Describe(exception)}");
        }
        return reply.GetProperty("result").TryGetProperty("value", out var value) ? value : default;
    }

    public async Task<T> EvaluateAsync<T>(string expression, CancellationToken cancellationToken = default) =>
        (await EvaluateAsync(expression, cancellationToken)).Deserialize<T>()!;

    /// <summary>Polls <paramref name="condition"/> (JavaScript) every 100 ms until it is truthy.</summary>
    public async Task WaitForAsync(string condition, TimeSpan timeout, string description, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await EvaluateAsync($"!!({condition})", cancellationToken);
            if (value.ValueKind == JsonValueKind.True) return;
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {timeout.TotalSeconds} s for {description} (`{condition}`). Page errors: [{string.Join(" | ", Errors)}]");
            }
            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    public Task ClickAsync(string selector, CancellationToken cancellationToken = default) =>
        EvaluateAsync($"(() => {{ const n = document.querySelector({Js(selector)}); if (!n) throw new Error('no ' + {Js(selector)}); n.click(); }})()", cancellationToken);

    /// <summary>Sets a field's value the way typing would, so input listeners run.</summary>
    public Task FillAsync(string selector, string value, CancellationToken cancellationToken = default) =>
        EvaluateAsync($"(() => {{ const n = document.querySelector({Js(selector)}); n.value = {Js(value)}; n.dispatchEvent(new Event('input', {{ bubbles: true }})); }})()", cancellationToken);

    /// <summary>Types into the focused element as a keyboard would (input events, no script setting values).</summary>
    public Task TypeAsync(string text, CancellationToken cancellationToken = default) =>
        _cdp.SendAsync("Input.insertText", new { text }, cancellationToken);

    /// <summary>Presses and releases one key, e.g. "Enter" (code 13) or "Tab" (code 9), on the focused element.</summary>
    public async Task PressAsync(string key, int keyCode, string? text = null, CancellationToken cancellationToken = default)
    {
        await _cdp.SendAsync("Input.dispatchKeyEvent", new { type = "keyDown", key, code = key, windowsVirtualKeyCode = keyCode, text }, cancellationToken);
        await _cdp.SendAsync("Input.dispatchKeyEvent", new { type = "keyUp", key, code = key, windowsVirtualKeyCode = keyCode }, cancellationToken);
    }

    public async Task<string> TextAsync(string selector, CancellationToken cancellationToken = default) =>
        (await EvaluateAsync($"document.querySelector({Js(selector)})?.textContent ?? ''", cancellationToken)).GetString() ?? "";

    public async Task ScreenshotAsync(string path, CancellationToken cancellationToken = default)
    {
        var shot = await _cdp.SendAsync("Page.captureScreenshot", new { format = "png" }, cancellationToken);
        await File.WriteAllBytesAsync(path, Convert.FromBase64String(shot.GetProperty("data").GetString()!), cancellationToken);
    }

    /// <summary>
    /// Rewrites the body of every request to a URL matching <paramref name="urlPattern"/> before it
    /// leaves the browser: how a test sends what the page's own checks would never let through.
    /// </summary>
    public async Task RewriteRequestBodiesAsync(string urlPattern, Func<string, string> rewrite, CancellationToken cancellationToken = default)
    {
        _cdp.EventReceived += (method, parameters) =>
        {
            if (method != "Fetch.requestPaused") return;
            var requestId = parameters.GetProperty("requestId").GetString();
            var request = parameters.GetProperty("request");
            var body = request.TryGetProperty("postData", out var postData) ? postData.GetString() : null;
            // Answer off the receive loop: the reply to this command arrives on that loop.
            _ = Task.Run(() => body is null
                ? _cdp.SendAsync("Fetch.continueRequest", new { requestId })
                : _cdp.SendAsync("Fetch.continueRequest",
                    new { requestId, postData = Convert.ToBase64String(Encoding.UTF8.GetBytes(rewrite(body))) }));
        };
        await _cdp.SendAsync("Fetch.enable", new { patterns = new[] { new { urlPattern, requestStage = "Request" } } }, cancellationToken);
    }

    /// <summary>Makes every request to a URL matching <paramref name="urlPattern"/> fail as if the server were unreachable.</summary>
    public async Task FailRequestsAsync(string urlPattern, CancellationToken cancellationToken = default)
    {
        _cdp.EventReceived += (method, parameters) =>
        {
            if (method != "Fetch.requestPaused") return;
            var requestId = parameters.GetProperty("requestId").GetString();
            _ = Task.Run(() => _cdp.SendAsync("Fetch.failRequest", new { requestId, errorReason = "ConnectionRefused" }));
        };
        await _cdp.SendAsync("Fetch.enable", new { patterns = new[] { new { urlPattern, requestStage = "Request" } } }, cancellationToken);
    }

    private void CollectErrors(string method, JsonElement parameters)
    {
        switch (method)
        {
            case "Runtime.exceptionThrown":
                _errors.Enqueue("exception: " + Describe(parameters.GetProperty("exceptionDetails")));
                break;
            case "Runtime.consoleAPICalled" when parameters.GetProperty("type").GetString() == "error":
                _errors.Enqueue("console.error: " + string.Join(" ", parameters.GetProperty("args").EnumerateArray()
                    .Select(a => a.TryGetProperty("value", out var v) ? v.ToString() : a.TryGetProperty("description", out var d) ? d.GetString() : "?")));
                break;
            case "Log.entryAdded" when parameters.GetProperty("entry").GetProperty("level").GetString() == "error":
                var entry = parameters.GetProperty("entry");
                _errors.Enqueue($"log: {entry.GetProperty("text").GetString()} {(entry.TryGetProperty("url", out var url) ? url.GetString() : "")}");
                break;
        }
    }

    private static string Describe(JsonElement exceptionDetails) =>
        exceptionDetails.TryGetProperty("exception", out var exception) && exception.TryGetProperty("description", out var description)
            ? description.GetString() ?? exceptionDetails.GetRawText()
            : exceptionDetails.TryGetProperty("text", out var text) ? text.GetString() ?? "" : exceptionDetails.GetRawText();

    /// <summary>A C# string as a JavaScript string literal.</summary>
    public static string Js(string value) => JsonSerializer.Serialize(value);

    public ValueTask DisposeAsync() => _cdp.DisposeAsync();
}
