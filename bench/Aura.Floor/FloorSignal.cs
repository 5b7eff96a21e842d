using System.Collections.Concurrent;

namespace Aura.Floor;

/// <summary>
/// The floor's change signal: whoever waits on a key gets the next change's pre-encoded bytes. One
/// task per key, replaced at each change (the same shape as the service's JobChangeSignal).
/// </summary>
public sealed class FloorSignal
{
    public const string AnyJob = "*";
    private readonly ConcurrentDictionary<string, TaskCompletionSource<byte[]>> _waiters = new(StringComparer.Ordinal);

    public Task<byte[]> Next(string key) =>
        _waiters.GetOrAdd(key, static _ => new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Raise(string key, byte[] payload)
    {
        if (_waiters.TryRemove(key, out var waiter))
            waiter.TrySetResult(payload);
    }
}
