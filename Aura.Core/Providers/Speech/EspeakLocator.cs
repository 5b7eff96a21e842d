namespace Aura.Core.Providers.Speech;

/// <summary>Finds the espeak-ng executable: the configured path, else <c>espeak-ng</c> then <c>espeak</c> on PATH.</summary>
internal static class EspeakLocator
{
    private static readonly string[] CandidateNames = ["espeak-ng", "espeak"];

    /// <returns>A full path that exists, or null.</returns>
    public static string? Locate(string? configuredPath, string? pathVariable)
    {
        if (!string.IsNullOrWhiteSpace(configuredPath))
            return File.Exists(configuredPath) ? Path.GetFullPath(configuredPath) : null;

        var folders = (pathVariable ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var suffixes = OperatingSystem.IsWindows() ? new[] { ".exe", "" } : [""];
        foreach (var name in CandidateNames)
        foreach (var folder in folders)
        foreach (var suffix in suffixes)
        {
            var candidate = Path.Combine(folder, name + suffix);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
