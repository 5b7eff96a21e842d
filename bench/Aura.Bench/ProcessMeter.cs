using System.Globalization;

namespace Aura.Bench;

/// <summary>Reads a Linux process's resident memory and CPU time from /proc, as the kernel accounts them.</summary>
public static class ProcessMeter
{
    /// <summary>The kernel's clock tick (USER_HZ); 100 on every mainstream Linux build.</summary>
    private const double TicksPerSecond = 100;

    /// <summary>VmRSS from /proc/&lt;pid&gt;/status, in KB.</summary>
    public static long ResidentKb(int pid) => StatusField(pid, "VmRSS:");

    /// <summary>Threads from /proc/&lt;pid&gt;/status: thread-pool growth shows here (and each thread's stack in RSS).</summary>
    public static int Threads(int pid) => (int)StatusField(pid, "Threads:");

    private static long StatusField(int pid, string name)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(name, StringComparison.Ordinal));
        return long.Parse(line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }

    /// <summary>utime + stime from /proc/&lt;pid&gt;/stat: CPU the process itself used (its children not counted).</summary>
    public static TimeSpan CpuTime(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name (field 2) may hold spaces; the fields after its closing parenthesis are plain.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
