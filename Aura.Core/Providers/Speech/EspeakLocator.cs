namespace Aura.Core.Providers.Speech;

/// <summary>
/// Finds the espeak-ng executable: the configured path (a bare name such as "espeak" is looked up on PATH),
/// else <c>espeak-ng</c> then <c>espeak</c> on PATH.
/// </summary>
internal static class EspeakLocator
{
    private static readonly string[] DefaultNames = ["espeak-ng", "espeak"];

    /// <returns>A full path that exists, or null.</returns>
    public static string? Locate(string? configuredPath, string? pathVariable)
    {
        if (string.IsNullOrWhiteSpace(configuredPath)) return FindOnPath(DefaultNames, pathVariable);
        if (configuredPath.IndexOfAny([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar]) < 0)
            return FindOnPath([configuredPath], pathVariable);
        return File.Exists(configuredPath) ? Path.GetFullPath(configuredPath) : null;
    }

    private static string? FindOnPath(string[] names, string? pathVariable)
    {
        var folders = (pathVariable ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string[] suffixes = OperatingSystem.IsWindows() ? [".exe", ""] : [""];
        foreach (var name in names)
        foreach (var folder in folders)
        foreach (var suffix in suffixes)
        {
            var candidate = Path.Combine(folder, name + suffix);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
