using System.Globalization;
using Aura.Tests.Support;
using Microsoft.Playwright;

namespace Aura.Tests.Ui;

/// <summary>
/// The page's colours meet WCAG 2.2 AA in both the light and the dark scheme: text 4.5:1 against
/// what it sits on, the focus ring and field borders 3:1 (non-text contrast). Read from the page's
/// own CSS custom properties, so a colour changed in styles.css is checked here.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ContrastTests
{
    private static readonly (string Fore, string Back, double Min)[] Pairs =
    [
        ("--text", "--surface", 4.5), ("--text", "--bg", 4.5), ("--muted", "--surface", 4.5), ("--muted", "--bg", 4.5),
        ("--on-accent", "--accent", 4.5), ("--accent", "--surface", 4.5),
        ("--queued", "--surface", 4.5), ("--running", "--surface", 4.5), ("--succeeded", "--surface", 4.5),
        ("--failed", "--surface", 4.5), ("--canceled", "--surface", 4.5), ("--failed", "--bad-bg", 4.5),
        ("--text", "--bad-bg", 4.5), ("--text", "--note-bg", 4.5), ("--text", "--selected", 4.5), ("--muted", "--selected", 4.5),
        ("--focus", "--surface", 3), ("--focus", "--bg", 3), ("--field-border", "--field-bg", 3), ("--field-border", "--surface", 3),
    ];

    [ChromiumTheory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task Every_colour_pair_the_page_uses_meets_AA(string scheme)
    {
        await using var ui = await UiSession.StartAsync(new AuraApplication());
        await ui.Page.EmulateMediaAsync(new() { ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light });
        await ui.Page.FillAsync("#topic", $"A {scheme} page");
        await ui.Page.ClickAsync("#create-submit");
        await ui.WaitForAsync("document.querySelector('#completed-panel')", "the job to complete");
        await ui.SnapshotAsync($"scheme-{scheme}");

        var failures = new List<string>();
        foreach (var (fore, back, min) in Pairs)
        {
            var ratio = Contrast(await ColourAsync(ui, fore), await ColourAsync(ui, back));
            if (ratio < min)
                failures.Add($"{fore} on {back}: {ratio:0.00}:1 < {min}:1");
        }
        Assert.Empty(failures);
        var page = await ui.EvaluateAsync<string>("getComputedStyle(document.documentElement).backgroundColor");
        Assert.Equal(await ColourAsync(ui, "--bg"), Rgb(page)); // the scheme really applies
    }

    private static async Task<(int R, int G, int B)> ColourAsync(UiSession ui, string variable)
    {
        var hex = (await ui.EvaluateAsync<string>($"getComputedStyle(document.documentElement).getPropertyValue('{variable}')")).Trim();
        Assert.Matches("^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$", hex);
        if (hex.Length == 4)
            hex = string.Concat("#", hex[1], hex[1], hex[2], hex[2], hex[3], hex[3]);
        int Part(int at) => int.Parse(hex.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return (Part(1), Part(3), Part(5));
    }

    private static (int R, int G, int B) Rgb(string css)
    {
        var parts = css.Split('(', ')')[1].Split(',').Select(p => int.Parse(p.Trim(), CultureInfo.InvariantCulture)).ToArray();
        return (parts[0], parts[1], parts[2]);
    }

    /// <summary>WCAG 2.x contrast ratio from relative luminance.</summary>
    private static double Contrast((int R, int G, int B) a, (int R, int G, int B) b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance((int R, int G, int B) c)
    {
        static double Channel(int v)
        {
            var s = v / 255.0;
            return s <= 0.04045 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * Channel(c.R) + 0.7152 * Channel(c.G) + 0.0722 * Channel(c.B);
    }
}
