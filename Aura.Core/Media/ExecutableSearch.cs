using Aura.Core.Kernel;

namespace Aura.Core.Media;

/// <summary>Finds executables the way a shell would, without starting one.</summary>
internal static class ExecutableSearch
{
    /// <summary>
    /// The full path of <paramref name="name"/> in the first folder of the PATH that has it, or null;
    /// <paramref name="pathVariable"/> stands in for the process's PATH when given.
    /// </summary>
    public static string? OnPath(string name, string? pathVariable = null)
    {
        var folders = (pathVariable ?? Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return folders.Select(folder => InFolder(folder, name)).FirstOrDefault(found => found is not null);
    }

    /// <summary>The full path of <paramref name="name"/> in <paramref name="folder"/> (with .exe on Windows), or null.</summary>
    public static string? InFolder(string? folder, string name)
    {
        if (string.IsNullOrEmpty(folder))
            return null;
        var candidates = OperatingSystem.IsWindows() ? new[] { name + ".exe", name } : [name];
        return candidates.Select(candidate => Path.Combine(folder, candidate)).FirstOrDefault(IsExecutable);
    }

    /// <summary>True when <paramref name="path"/> is an existing file that may be executed.</summary>
    public static bool IsExecutable(string path)
    {
        if (!File.Exists(path))
            return false;
        if (OperatingSystem.IsWindows())
            return true;
        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(path) & anyExecute) != 0;
    }
}
