namespace Aura.Tests.Ui;

/// <summary>
/// A fact that needs a real browser: skipped, with the reason, only where Chromium is not
/// installed (the build script installs it, so CI always runs these).
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!Chromium.IsInstalled)
        {
            Skip = $"Chromium is not installed at {Chromium.ExecutablePath} (apt-get install -y chromium).";
        }
    }
}
