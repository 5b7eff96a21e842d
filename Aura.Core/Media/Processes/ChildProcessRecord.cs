using Aura.Core.Kernel;

namespace Aura.Core.Media.Processes;

/// <summary>
/// What a pid file says about one child process (FFmpeg) of the service.
/// </summary>
/// <param name="Pid">The child's pid; null while it is being started (the file is written before the start, so a crash in between leaves a record too).</param>
/// <param name="StartTicks">When it started (<c>/proc/&lt;pid&gt;/stat</c> field 22): a process with the same pid but another start is not it.</param>
/// <param name="Marker">
/// Text only its command line holds (its temporary output path, with a random part): a second check against a
/// recycled pid, and how a child whose pid was never recorded is found.
/// </param>
/// <param name="JobId">The job it worked for, for the log.</param>
/// <param name="ServicePid">The service process that started it.</param>
/// <param name="ServiceStartTicks">When that service process started: while it still runs, the child is its business.</param>
/// <param name="Files">The temporary files it writes, removed once it is stopped.</param>
public sealed record ChildProcessRecord(
    int? Pid,
    long? StartTicks,
    string Marker,
    string JobId,
    int ServicePid,
    long? ServiceStartTicks,
    IReadOnlyList<string> Files);
