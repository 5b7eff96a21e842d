namespace Aura.Core.Pipeline;

/// <summary>
/// Where the service keeps files, in one place. The data folder (<c>Storage:DataFolder</c>) holds the
/// database, each job's work folder (<c>jobs/{jobId}</c>, whose files <see cref="WorkLayout"/> names)
/// and the pid files of running children (<c>run/</c>); the logs folder (<c>Jobs:LogsFolder</c>) holds
/// each job's FFmpeg log (<c>ffmpeg/{jobId}.log</c>). Both are made absolute once, when this is made:
/// the host resolves relative ones against its content root.
/// </summary>
public sealed class JobFiles(string dataFolder, string logsFolder)
{
    public string DataFolder { get; } = Path.GetFullPath(dataFolder);

    public string LogsFolder { get; } = Path.GetFullPath(logsFolder);

    /// <summary>The jobs' work folders, one each.</summary>
    public string JobsFolder => Path.Combine(DataFolder, "jobs");

    /// <summary>The pid files of running child processes (FFmpeg), one each, for the next start to stop after a crash.</summary>
    public string RunFolder => Path.Combine(DataFolder, "run");

    /// <summary>
    /// The pid files of one machine's children, when several machines share the data folder: a start looks
    /// only at its own machine's, whose pids it can check (another machine's would read as dead, and their
    /// temporary outputs would be removed under a running FFmpeg).
    /// </summary>
    public string RunFolderOf(string machineName) => Path.Combine(RunFolder, machineName);

    public string WorkFolderOf(string jobId) => Path.Combine(JobsFolder, jobId);

    public string FFmpegLogOf(string jobId) => Path.Combine(LogsFolder, "ffmpeg", jobId + ".log");
}
