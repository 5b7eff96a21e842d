using Microsoft.Playwright;

namespace Aura.Tests.Ui;

/// <summary>
/// The system's Chromium, driven by Playwright (no browser can be downloaded here: Playwright's
/// own driver comes in its NuGet package, the browser from the package manager).
/// </summary>
public static class Chromium
{
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("AURA_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static bool IsInstalled => File.Exists(ExecutablePath);

    public static BrowserTypeLaunchOptions LaunchOptions => new()
    {
        ExecutablePath = ExecutablePath,
        Headless = true,
        // As root in a container Chromium's sandbox cannot start; there is no GPU; and the browser's
        // own background traffic (updates, field trials) has no place in a test.
        Args =
        [
            "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--disable-default-apps", "--disable-sync", "--no-first-run",
            "--mute-audio", "--autoplay-policy=no-user-gesture-required",
        ],
        Timeout = 60_000,
    };
}
