using Aura.Core.Kernel;

namespace Aura.Api.Sse;

internal static class SseWaiting
{
    private static readonly Task Never = new TaskCompletionSource().Task;

    /// <summary>
    /// Waits for <paramref name="changed"/> or <paramref name="wait"/> on the injected clock,
    /// whichever comes first; throws when the stream has <paramref name="ended"/> (the client left or the service is stopping).
    /// </summary>
    public static async Task WaitAsync(Task? changed, TimeSpan wait, TimeProvider time, CancellationToken ended)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(ended);
        var delay = Task.Delay(wait, time, timer.Token);
        await Task.WhenAny(changed ?? Never, delay);
        await timer.CancelAsync();
        ended.ThrowIfCancellationRequested();
    }
}
