using Aura.Core.Kernel;

namespace Aura.Core.Media.Processes;

/// <summary>
/// Tells a child process (FFmpeg, espeak-ng) that exited because the service is stopping from one that
/// failed. A stop by a signal to the whole process group (Ctrl+C in a terminal, systemd) reaches the child
/// and the service at the same moment, and the child may well exit before the service's stop has canceled the run.
/// </summary>
internal static class StopSignalExit
{
    /// <summary>How long an exit on a signal waits for the service's stop to show.</summary>
    public static readonly TimeSpan NoticeWait = TimeSpan.FromSeconds(5);

    /// <summary>
    /// True when the run is canceled (the stop cancels it), at once or, for an exit that shows a signal
    /// (FFmpeg's own "received signal" line, or 128 + SIGHUP, SIGINT, SIGKILL or SIGTERM, as .NET reports a
    /// process a signal ended), within <see cref="NoticeWait"/>. A signal to the child alone, with the service
    /// carrying on, stays a failure.
    /// </summary>
    public static async Task<bool> IsStopAsync(int exitCode, string stderrTail, CancellationToken run)
    {
        if (run.IsCancellationRequested)
            return true;
        if (!(exitCode is 129 or 130 or 137 or 143 || stderrTail.Contains("received signal", StringComparison.OrdinalIgnoreCase)))
            return false;
        try
        {
            await Task.Delay(NoticeWait, run);
            return false;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }
}
