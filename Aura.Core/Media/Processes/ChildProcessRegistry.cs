using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Aura.Core.Kernel;

namespace Aura.Core.Media.Processes;

/// <summary>
/// A pid file per running child process (FFmpeg) in <see cref="Folder"/> (<c>&lt;data&gt;/run/</c>), so that
/// a start after a crash can stop the children the killed service left behind before it resumes their
/// jobs: two processes must never write one output. The file is written before the child starts and gets
/// its pid once known. A child is signalled only when its pid, its start time and its command line all
/// still match the file, so a recycled pid is never hit; a record the crash left without a pid finds its
/// child by the marker (a temporary output path with a random part) in the command line instead.
/// </summary>
public sealed partial class ChildProcessRegistry(string folder, ILogger<ChildProcessRegistry> logger)
{
    private static readonly long? OwnStartTicks = ProcFs.StartTicks(Environment.ProcessId);

    public string Folder { get; } = Path.GetFullPath(folder);

    /// <summary>
    /// Records a child about to start, before it starts (a crash right after the start must leave a record
    /// too); call <see cref="TrackedChild.Started"/> with its pid, and dispose the answer once it has exited.
    /// </summary>
    public TrackedChild Track(string marker, string jobId, IReadOnlyList<string> files)
    {
        var path = Path.Combine(Folder, Guid.NewGuid().ToString("N") + ".json");
        var child = new TrackedChild(this, path, new ChildProcessRecord(null, null, marker, jobId, Environment.ProcessId, OwnStartTicks, files));
        child.Write();
        return child;
    }

    internal void Write(string path, ChildProcessRecord record)
    {
        try
        {
            Directory.CreateDirectory(Folder);
            File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(record, FileJson.Options));
            File.Move(path + ".tmp", path, overwrite: true);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // Not being able to record it must not fail the job; a crash now could leave this child running.
            LogNotRecorded(error, record.Marker, path);
        }
    }

    /// <summary>
    /// Stops (SIGKILL) every recorded child of an earlier service process that is no longer running,
    /// waits up to <paramref name="wait"/> for each to die, removes its temporary files and its pid file.
    /// Returns how many it stopped.
    /// </summary>
    public int StopLeftovers(TimeSpan wait)
    {
        if (!Directory.Exists(Folder))
            return 0;
        var stopped = 0;
        foreach (var path in Directory.EnumerateFiles(Folder, "*.json"))
        {
            if (Read(path) is not { } record)
            {
                Delete(path);
                continue;
            }
            if (ServiceStillRuns(record))
                continue; // a live service's children (this process's too) are its own business
            var leftovers = LeftoversOf(record);
            var survivors = leftovers.Where(pid => !Stop(pid, wait)).ToList();
            stopped += leftovers.Count - survivors.Count;
            if (survivors.Count > 0)
            {
                LogNotStopped(string.Join(", ", survivors), record.JobId);
                continue; // keep the pid file: the next start tries again
            }
            foreach (var file in record.Files)
                Delete(file);
            Delete(path);
        }
        return stopped;
    }

    private static bool ServiceStillRuns(ChildProcessRecord record) =>
        record.ServiceStartTicks is { } ticks && ProcFs.IsAlive(record.ServicePid) && ProcFs.StartTicks(record.ServicePid) == ticks;

    /// <summary>
    /// The recorded child when pid, start time and command line still match; when the pid was never recorded
    /// (killed between start and record), the processes whose command line holds the marker, which has a random part.
    /// </summary>
    private static IReadOnlyList<int> LeftoversOf(ChildProcessRecord record) => record.Pid is not { } pid
        ? ProcFs.WithCommandLineHolding(record.Marker)
        : ProcFs.IsAlive(pid) && ProcFs.StartTicks(pid) == record.StartTicks
            && ProcFs.CommandLine(pid) is { } commandLine && commandLine.Contains(record.Marker, StringComparison.Ordinal)
            ? [pid]
            : [];

    private bool Stop(int pid, TimeSpan wait)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill();
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Gone in the meantime (or not ours to kill: then the wait below says so).
            LogKillError(error, pid);
        }
        LogStopping(pid);
        // Killed, it is reparented to init and reaped there; until then it is a zombie, which IsAlive does not count.
        var deadline = Stopwatch.StartNew();
        while (ProcFs.IsAlive(pid) && deadline.Elapsed < wait)
            Thread.Sleep(50);
        return !ProcFs.IsAlive(pid);
    }

    private ChildProcessRecord? Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<ChildProcessRecord>(File.ReadAllText(path), FileJson.Options);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or JsonException)
        {
            LogUnreadable(error, path);
            return null;
        }
    }

    internal void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            LogNotDeleted(error, path);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Stopping FFmpeg (pid {Pid}), left running by the previous run of the service")]
    private partial void LogStopping(int pid);

    [LoggerMessage(LogLevel.Error, "FFmpeg (pids {Pids}) of job {JobId}, left running by the previous run of the service, did not stop; its pid file is kept")]
    private partial void LogNotStopped(string pids, string jobId);

    [LoggerMessage(LogLevel.Debug, "Could not signal pid {Pid}")]
    private partial void LogKillError(Exception error, int pid);

    [LoggerMessage(LogLevel.Warning, "Could not record the child process writing {Marker} in {PidFile}")]
    private partial void LogNotRecorded(Exception error, string marker, string pidFile);

    [LoggerMessage(LogLevel.Warning, "Unreadable pid file {PidFile} removed")]
    private partial void LogUnreadable(Exception error, string pidFile);

    [LoggerMessage(LogLevel.Warning, "Could not remove {File}")]
    private partial void LogNotDeleted(Exception error, string file);
}
