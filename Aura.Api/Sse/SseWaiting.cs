using Aura.Core.Kernel;

namespace Aura.Api.Sse;

internal static class SseWaiting
{
    /// <summary>
    /// Waits for <paramref name="changed"/> or <paramref name="wait"/> on the injected clock,
    /// whichever comes first; true when the change woke it. Throws when the stream has
    /// <paramref name="ended"/> (the client left or the service is stopping).
    /// </summary>
    public static async Task<bool> WaitAsync(Task? changed, TimeSpan wait, TimeProvider time, CancellationToken ended)
    {
        // One timer per wait and nothing else: WaitAsync ends at the change, the timeout or the end (and
        // drops its timer when the change comes first), and SuppressThrowing makes the timeout and the
        // cancel plain returns, so an idle poll throws nothing (10,000 streams poll 10,000 times a second).
        var waiting = changed is null ? Task.Delay(wait, time, ended) : changed.WaitAsync(wait, time, ended);
        await waiting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        ended.ThrowIfCancellationRequested();
        return changed is { IsCompleted: true };
    }
}
