using System.Diagnostics;

namespace Aura.Tests.Support;

/// <summary>
/// A real, small disk: a tmpfs of a few megabytes mounted on a folder of its own (root only), that a
/// test fills up and frees again. Unmounted, and its folder removed, at the end.
/// </summary>
public sealed class SmallDisk : IDisposable
{
    private static readonly Lazy<string?> WhyNot = new(ProbeMount);
    private readonly TempFolder _folder = new();

    private SmallDisk() => Path = Directory.CreateDirectory(_folder.Combine("disk")).FullName;

    /// <summary>The mounted folder.</summary>
    public string Path { get; }

    private string Filler => System.IO.Path.Combine(Path, "filler.bin");

    /// <summary>Null when tmpfs can be mounted here; otherwise why not (for a skip message).</summary>
    public static string? CannotMount => WhyNot.Value;

    public static SmallDisk Mount(int megabytes)
    {
        var disk = new SmallDisk();
        if (Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", disk.Path) is { } error)
        {
            disk.Dispose();
            Assert.Fail($"mount tmpfs failed: {error}");
        }
        return disk;
    }

    /// <summary>
    /// Writes a filler file until the disk says "No space left on device", then leaves
    /// <paramref name="leaveBytes"/> free (a reserve taken before and given back after); returns the filler's size.
    /// </summary>
    public long Fill(int leaveBytes = 0)
    {
        var reserve = System.IO.Path.Combine(Path, "reserve.bin");
        File.WriteAllBytes(reserve, new byte[leaveBytes]);
        var written = FillUp();
        File.Delete(reserve);
        return written;
    }

    private long FillUp()
    {
        var chunk = new byte[16 * 1024];
        using var file = new FileStream(Filler, FileMode.Append, FileAccess.Write, FileShare.None, 1);
        try
        {
            while (true)
            {
                file.Write(chunk);
                file.Flush();
            }
        }
        catch (IOException)
        {
            // Full. What fits of the last chunk stays.
        }
        return new FileInfo(Filler).Length;
    }

    /// <summary>Removes the filler: space comes back.</summary>
    public void Free() => File.Delete(Filler);

    public void Dispose()
    {
        // A lazy unmount when something still holds a file there; the folder is gone either way.
        if (Run("umount", Path) is not null)
            Run("umount", "-l", Path);
        _folder.Dispose();
    }

    private static string? ProbeMount()
    {
        if (!OperatingSystem.IsLinux())
            return "tmpfs is Linux only.";
        if (!Environment.IsPrivilegedProcess)
            return "mounting a tmpfs needs root; run the tests as root to run this one.";
        using var probe = new TempFolder();
        if (Run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", probe.Path) is { } error)
            return $"mount -t tmpfs failed here: {error}";
        Run("umount", probe.Path);
        return null;
    }

    /// <summary>Runs a command to its end; null when it succeeded, else what it said.</summary>
    private static string? Run(string command, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in arguments)
                start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? null : $"exit {process.ExitCode}: {stderr.Trim()}";
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return ex.Message;
        }
    }
}
