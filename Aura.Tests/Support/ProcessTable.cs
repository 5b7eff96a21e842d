using System.Runtime.InteropServices;

namespace Aura.Tests.Support;

/// <summary>
/// Processes as Linux's /proc shows them, and real signals to them: for tests that follow a service's
/// children (FFmpeg) by what their command lines name, and stop a service the way a terminal or systemd does.
/// </summary>
public static class ProcessTable
{
    public const int SigInt = 2;
    public const int SigKill = 9;
    public const int SigTerm = 15;

    /// <summary>Live processes whose command line holds <paramref name="text"/> (a job id, a test's folder).</summary>
    public static List<int> Mentioning(string text) =>
        Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && pid != Environment.ProcessId && CommandLine(pid).Contains(text, StringComparison.Ordinal) && IsAlive(pid))
            .ToList();

    /// <summary>Alive means /proc has it in a state other than zombie (a zombie runs nothing; its parent's reaper collects it).</summary>
    public static bool IsAlive(int pid)
    {
        var stat = Read($"/proc/{pid}/stat");
        var end = stat.LastIndexOf(')');
        return end > 0 && stat.Length > end + 2 && stat[end + 2] is not ('Z' or 'X');
    }

    public static string CommandLine(int pid) => Read($"/proc/{pid}/cmdline").Replace('\0', ' ');

    /// <summary>Sends <paramref name="signal"/> to a process, or to a whole process group when <paramref name="pid"/> is negative (−pgid).</summary>
    public static void Signal(int pid, int signal) =>
        Assert.True(kill(pid, signal) == 0, $"kill({pid}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");

    /// <summary>Cleanup after a test: SIGKILL each process still mentioning <paramref name="text"/> (a test's own folder), and nothing else.</summary>
    public static void KillAllMentioning(string text)
    {
        foreach (var pid in Mentioning(text))
            kill(pid, SigKill);
    }

    private static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
