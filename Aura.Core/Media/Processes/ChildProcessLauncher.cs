using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using Aura.Core.Kernel;

namespace Aura.Core.Media.Processes;

/// <summary>
/// Starts child processes (FFmpeg) so that on Linux they die with the service, even a service killed
/// with SIGKILL: each runs under <c>setpriv --pdeathsig KILL</c> (util-linux), which asks the kernel to
/// kill it when its parent dies, then execs the program in its place (same pid).
/// The kernel's "parent" is the thread that forked, not the process, and .NET forks on the calling
/// thread; a thread-pool thread that retires would kill a healthy child. So every start happens on
/// one thread of this launcher's own that lives as long as the launcher. Without setpriv (or off Linux)
/// children start as they are, and the pid files (<see cref="ChildProcessRegistry"/>) are the safety net.
/// </summary>
public sealed partial class ChildProcessLauncher : IDisposable
{
    private const string Wrapper = "setpriv";
    private readonly BlockingCollection<Action> _starts = new();
    private readonly Thread _thread;
    private readonly string? _setpriv;
    private readonly ILogger<ChildProcessLauncher> _logger;

    /// <param name="setpriv">The setpriv executable (<see cref="FindWrapper"/>); null starts children unwrapped.</param>
    public ChildProcessLauncher(string? setpriv, ILogger<ChildProcessLauncher> logger)
    {
        _setpriv = setpriv;
        _logger = logger;
        _thread = new Thread(() =>
        {
            foreach (var start in _starts.GetConsumingEnumerable())
                start();
        })
        { IsBackground = true, Name = "Aura child process launcher" };
        _thread.Start();
        if (_setpriv is null)
            LogUnwrapped();
    }

    /// <summary>setpriv on the PATH, on Linux; null elsewhere or when it is not installed.</summary>
    public static string? FindWrapper() => OperatingSystem.IsLinux() ? ExecutableSearch.OnPath(Wrapper) : null;

    /// <summary>True when children die with the service (they are started under setpriv).</summary>
    public bool ChildrenDieWithService => _setpriv is not null;

    /// <summary>The executable and arguments that run <paramref name="executable"/> with <paramref name="arguments"/>.</summary>
    public (string Executable, IReadOnlyList<string> Arguments) CommandFor(string executable, IReadOnlyList<string> arguments) =>
        _setpriv is null ? (executable, arguments) : (_setpriv, ["--pdeathsig", "KILL", "--", executable, .. arguments]);

    /// <summary>
    /// True when an exit is the wrapper's own: setpriv could not execute the program (exit 126 or 127, with
    /// "setpriv: failed to execute" on stderr), which unwrapped would have been an error at the start.
    /// </summary>
    public bool IsWrapperFailure(int exitCode, string stderrTail) =>
        _setpriv is not null && exitCode is 126 or 127 && stderrTail.Contains(Wrapper + ": failed to execute", StringComparison.Ordinal);

    /// <summary>Runs <paramref name="start"/> (which starts the process) on the launcher's thread, and returns or throws what it did.</summary>
    public T Start<T>(Func<T> start)
    {
        if (_setpriv is null)
            return start();
        T? started = default;
        ExceptionDispatchInfo? error = null;
        using var done = new ManualResetEventSlim();
        _starts.Add(() =>
        {
            try
            {
                started = start();
            }
            catch (Exception e)
            {
                error = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                done.Set();
            }
        });
        // A fork takes milliseconds; blocking the caller for it is simpler than one more hop of async.
        done.Wait();
        error?.Throw();
        return started!;
    }

    /// <summary>Ends the launcher's thread: children it started that still run are killed by the kernel.</summary>
    public void Dispose()
    {
        _starts.CompleteAdding();
        _thread.Join();
        _starts.Dispose();
    }

    [LoggerMessage(LogLevel.Information, "FFmpeg processes do not die with the service (no setpriv, or FFmpeg:DieWithService is off); after a crash, the next start stops them")]
    private partial void LogUnwrapped();
}
