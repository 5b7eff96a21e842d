using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Aura.Api.Sse;

/// <summary>
/// One clock for every stream's keep-alive. A stream asks for the moment its keep-alive falls due and
/// gets the task of that moment's slot (a tenth of <c>Sse:KeepAliveInterval</c>, at most a second); one
/// timer for the service completes each slot once its time has passed. So an idle stream holds no timer of
/// its own, and the streams due in the same slot share one task (profiled: a timer per stream and per wait
/// was most of the idle CPU at 10,000 streams). A slot never completes before its time: a keep-alive comes
/// after the interval of silence, never before, and at most two slots late.
/// </summary>
public sealed class KeepAliveWheel(IOptions<SseOptions> options, TimeProvider time) : BackgroundService
{
    private readonly long _slotTicks = SlotLength(options.Value.KeepAliveInterval).Ticks;
    private readonly ConcurrentDictionary<long, TaskCompletionSource> _slots = new();
    private long _passed = long.MinValue;
    // Made with the wheel, not when ExecuteAsync runs (on a pool thread since .NET 10), so that its first tick is
    // one slot after the wheel exists, also on a test's clock.
    private readonly PeriodicTimer _timer = new(SlotLength(options.Value.KeepAliveInterval), time);

    /// <summary>Completes once <paramref name="dueAt"/> has passed (at once when it already has).</summary>
    public Task Due(DateTimeOffset dueAt)
    {
        // The slot that ends at or after the due moment: its completion is never early.
        var slot = (dueAt.UtcTicks + _slotTicks - 1) / _slotTicks;
        if (slot <= Volatile.Read(ref _passed))
            return Task.CompletedTask;
        var due = _slots.GetOrAdd(slot, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        // A tick may have passed the slot between the check above and the add, after it looked at the slots.
        if (slot <= Volatile.Read(ref _passed))
            Complete(slot, due);
        return due.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _timer.WaitForNextTickAsync(stoppingToken))
                Tick();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the streams end on the application's stopping token, not on their keep-alive.
        }
    }

    public override void Dispose()
    {
        _timer.Dispose();
        base.Dispose();
    }

    private void Tick()
    {
        var passed = time.GetUtcNow().UtcTicks / _slotTicks;
        Volatile.Write(ref _passed, passed);
        foreach (var (slot, due) in _slots)
        {
            if (slot <= passed)
                Complete(slot, due);
        }
    }

    private void Complete(long slot, TaskCompletionSource due)
    {
        _slots.TryRemove(new KeyValuePair<long, TaskCompletionSource>(slot, due));
        due.TrySetResult();
    }

    private static TimeSpan SlotLength(TimeSpan keepAliveInterval)
    {
        var tenth = keepAliveInterval / 10;
        return tenth > TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1)
            : tenth < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1)
            : tenth;
    }
}
