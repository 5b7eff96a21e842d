using Microsoft.Extensions.Options;

namespace Aura.Api.Sse;

/// <summary>
/// A stream's wait between two looks at its job (or, for an all-jobs stream, at the store), the same for both
/// kinds. Waking on change it waits for the one wake its job's streams share (<see cref="StreamPolls.NextWake"/>:
/// the change, the poll, or its keep-alive slot of <see cref="KeepAliveWheel"/>) and holds no timer of its own;
/// polling only, it waits the poll interval or until its keep-alive, whichever comes first.
/// </summary>
public sealed class SseWaiting(StreamPolls polls, KeepAliveWheel keepAlives, IOptions<SseOptions> options, TimeProvider time)
{
    private readonly SseOptions _options = options.Value;

    /// <summary>
    /// Waits for the stream of <paramref name="jobId"/> (null: an all-jobs stream) holding <paramref name="changed"/>
    /// and <paramref name="moved"/> (both null when polling). True when the change or the poll woke it, not only the
    /// keep-alive. Throws when the stream has <paramref name="ended"/> (the client left or the service is stopping).
    /// </summary>
    public async Task<bool> WaitAsync(string? jobId, Task? changed, Task? moved, SseStreamWriter writer, CancellationToken ended)
    {
        var waiting = changed is null || moved is null
            ? Task.Delay(writer.NextWait(_options.PollInterval, _options.KeepAliveInterval), time, ended)
            : polls.NextWake(jobId, changed, moved, keepAlives.Due(writer.KeepAliveDueAt(_options.KeepAliveInterval))).WaitAsync(ended);
        // SuppressThrowing makes the cancel a plain return, so a wait throws nothing until the check below.
        await waiting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        ended.ThrowIfCancellationRequested();
        return changed is { IsCompleted: true } || moved is { IsCompleted: true };
    }
}
