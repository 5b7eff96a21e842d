using Aura.Core.Media;
using Aura.Core.Kernel;

namespace Aura.Core.Pipeline.Speech;

/// <summary>
/// Finds the espeak-ng executable: the configured path (a bare name such as "espeak" is looked up on PATH),
/// else <c>espeak-ng</c> then <c>espeak</c> on PATH.
/// </summary>
internal static class EspeakLocator
{
    private static readonly string[] DefaultNames = ["espeak-ng", "espeak"];

    /// <returns>A full path of an executable file, or null.</returns>
    public static string? Locate(string? configuredPath, string? pathVariable)
    {
        if (string.IsNullOrWhiteSpace(configuredPath))
            return DefaultNames.Select(name => ExecutableSearch.OnPath(name, pathVariable ?? "")).FirstOrDefault(found => found is not null);
        if (configuredPath.IndexOfAny([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar]) < 0)
            return ExecutableSearch.OnPath(configuredPath, pathVariable ?? "");
        var full = Path.GetFullPath(configuredPath);
        return ExecutableSearch.IsExecutable(full) ? full : null;
    }
}
