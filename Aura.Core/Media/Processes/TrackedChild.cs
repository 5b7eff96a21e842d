using Aura.Core.Kernel;

namespace Aura.Core.Media.Processes;

/// <summary>One child's pid file (see <see cref="ChildProcessRegistry.Track"/>): removed when disposed, once the child has exited.</summary>
public sealed class TrackedChild : IDisposable
{
    private readonly ChildProcessRegistry _registry;
    private readonly string _path;
    private ChildProcessRecord _record;

    internal TrackedChild(ChildProcessRegistry registry, string path, ChildProcessRecord record)
    {
        _registry = registry;
        _path = path;
        _record = record;
    }

    internal void Write() => _registry.Write(_path, _record);

    /// <summary>
    /// Adds the pid and start time of the child that has just started. Without a start time (not Linux,
    /// or the child is already gone) the record stays without a pid, and the marker alone finds it.
    /// </summary>
    public void Started(int pid)
    {
        if (ProcFs.StartTicks(pid) is not { } startTicks)
            return;
        _record = _record with { Pid = pid, StartTicks = startTicks };
        Write();
    }

    public void Dispose() => _registry.Delete(_path);
}
