using System.Globalization;
using Aura.Core.Kernel;

namespace Aura.Core.Media.Processes;

/// <summary>
/// What Linux's <c>/proc</c> says about a process: enough to tell the process a pid file meant from
/// another that was given the same pid later. Elsewhere every answer is "unknown" (null / false).
/// </summary>
internal static class ProcFs
{
    /// <summary>When the process started, in clock ticks after boot (field 22 of <c>/proc/&lt;pid&gt;/stat</c>); null when unknown.</summary>
    public static long? StartTicks(int pid) => StatFields(pid) is { Length: > 19 } fields
        && long.TryParse(fields[19], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) ? ticks : null;

    /// <summary>Its command line, arguments joined by spaces; null when it is gone.</summary>
    public static string? CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').TrimEnd();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Live processes (other than this one) whose command line holds <paramref name="text"/>.</summary>
    public static IReadOnlyList<int> WithCommandLineHolding(string text)
    {
        if (!Directory.Exists("/proc"))
            return [];
        return Directory.EnumerateDirectories("/proc")
            .Select(folder => int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : 0)
            .Where(pid => pid > 0 && pid != Environment.ProcessId && CommandLine(pid) is { } line && line.Contains(text, StringComparison.Ordinal) && IsAlive(pid))
            .ToList();
    }

    /// <summary>True while the process runs; a zombie (dead, waiting for its parent to reap it) is not alive.</summary>
    public static bool IsAlive(int pid) => StatFields(pid) is { Length: > 0 } fields && fields[0] is not ("Z" or "X");

    // The fields after the command name, from the state (field 3) on. The name sits in parentheses and may
    // itself hold spaces and parentheses, so the split starts after the last ')'.
    private static string[]? StatFields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var end = stat.LastIndexOf(')');
            return end < 0 ? null : stat[(end + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
