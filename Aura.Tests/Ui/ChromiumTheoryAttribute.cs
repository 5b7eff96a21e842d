namespace Aura.Tests.Ui;

/// <summary>A theory that needs a real browser: skipped, with the reason, only where Chromium is not installed.</summary>
public sealed class ChromiumTheoryAttribute : TheoryAttribute
{
    public ChromiumTheoryAttribute()
    {
        if (!Chromium.IsInstalled)
            Skip = $"Chromium is not installed at {Chromium.ExecutablePath} (apt-get install -y chromium).";
    }
}
