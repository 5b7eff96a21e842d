using Aura.Tests.Support;

namespace Aura.Tests.Ui;

/// <summary>
/// The page works under <c>Content-Security-Policy: default-src 'self'</c> (what the service sends
/// for the UI): no inline script, no inline style, nothing from another origin.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests
{
    private const string Policy = "default-src 'self'";

    [ChromiumFact]
    public async Task Under_default_src_self_the_page_runs_a_job_to_its_end_without_a_single_violation()
    {
        await using var ui = await UiSession.StartAsync(new AuraApplication(), bypassCsp: false);
        await ui.Page.Context.AddInitScriptAsync("""
            window.__violations = [];
            document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
            """);
        // Every answer gets the policy, as the service's security headers will add it.
        await ui.Page.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.Contains("/events", StringComparison.Ordinal)) { await route.ContinueAsync(); return; }
            var response = await route.FetchAsync();
            var headers = new Dictionary<string, string>(response.Headers) { ["content-security-policy"] = Policy };
            await route.FulfillAsync(new() { Response = response, Headers = headers });
        });
        await ui.Page.ReloadAsync();

        // Locators, not WaitForAsync: its predicate is evaluated with eval, which this very policy forbids.
        await ui.Page.Locator("#list-connection[data-state=live]").WaitForAsync();
        await ui.Page.FillAsync("#topic", "A strict page");
        await ui.Page.ClickAsync("#create-submit");
        await ui.Page.Locator("#completed-panel").WaitForAsync();

        Assert.Equal(Policy, await ui.EvaluateAsync<string>(
            "fetch('/').then(r => r.headers.get('content-security-policy'))"));
        Assert.Empty(await ui.EvaluateAsync<string[]>("window.__violations"));
        Assert.Empty(ui.Errors);
    }
}
