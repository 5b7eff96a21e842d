using Aura.Core.Kernel;

namespace Aura.Api.Sse;

internal static class SseWaiting
{
    /// <summary>
    /// Polling only: waits <paramref name="wait"/> on the injected clock. Throws when the stream has
    /// <paramref name="ended"/> (the client left or the service is stopping).
    /// </summary>
    public static async Task WaitAsync(TimeSpan wait, TimeProvider time, CancellationToken ended)
    {
        // SuppressThrowing makes the cancel a plain return, so a poll throws nothing until the check below.
        await Task.Delay(wait, time, ended).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        ended.ThrowIfCancellationRequested();
    }

    /// <summary>
    /// Waking on change: waits for <paramref name="wake"/> (<see cref="StreamPolls.NextWake"/>: the change, the
    /// poll or the keep-alive) and needs no timer of its own. True when the change or the poll woke it (not only
    /// the keep-alive). Throws when the stream has <paramref name="ended"/>.
    /// </summary>
    public static async Task<bool> WaitAsync(Task wake, Task changed, Task moved, CancellationToken ended)
    {
        await wake.WaitAsync(ended).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        ended.ThrowIfCancellationRequested();
        return changed.IsCompleted || moved.IsCompleted;
    }
}
