namespace Aura.Tests.Providers;

/// <summary>A fact that needs a POSIX shell for its fake espeak-ng (or /proc); skipped, and saying why, on Windows.</summary>
public sealed class UnixOnlyFactAttribute : FactAttribute
{
    public UnixOnlyFactAttribute()
    {
        if (OperatingSystem.IsWindows()) Skip = "Uses a /bin/sh script as a fake espeak-ng.";
    }
}
