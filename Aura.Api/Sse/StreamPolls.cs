using System.Collections.Concurrent;
using Aura.Core.Storage;
using Microsoft.Extensions.Options;

namespace Aura.Api.Sse;

/// <summary>
/// The streams' safety net for a lost change signal, shared: one tick every <c>Sse:PollInterval</c> for the
/// whole service reads the version of each job that has open streams (one read per job, however many
/// streams follow it) and, when any all-jobs stream is open, the last number issued; when a number moved
/// since the last tick, the streams watching it are woken (<see cref="NextMove"/>). A stream itself then
/// holds no poll timer and makes no store query while its job is idle. With <c>Sse:WakeOnChange</c> off the
/// streams poll for themselves and the tick reads nothing; it still drops what is kept for a job (its shared
/// read and batches) when the job's last stream ends, and the shared listings when the last all-jobs stream does.
/// </summary>
public sealed partial class StreamPolls(IJobStore store, SharedJobReads reads, EncodedBatches batches, SharedJobListings listings, IOptions<SseOptions> options,
    TimeProvider time, ILogger<StreamPolls> logger) : BackgroundService
{
    private const string AllJobs = "";
    private readonly ConcurrentDictionary<string, Watch> _watches = new(StringComparer.Ordinal);
    // Made with the service, not when ExecuteAsync runs (on a pool thread since .NET 10), so that its first tick is
    // one interval after the service exists, also on a test's clock.
    private readonly PeriodicTimer _timer = new(options.Value.PollInterval, time);

    /// <summary>Counts a stream of <paramref name="jobId"/> (null: an all-jobs stream) as watching; dispose when it ends.</summary>
    public IDisposable Follow(string? jobId)
    {
        var key = jobId ?? AllJobs;
        while (true)
        {
            var watch = _watches.GetOrAdd(key, static _ => new Watch());
            lock (watch)
            {
                // A watch whose last stream just left is being removed: take a new one.
                if (watch.Streams < 0)
                    continue;
                watch.Streams++;
                return new Following(this, key, watch);
            }
        }
    }

    /// <summary>Completes when a tick finds the number of <paramref name="jobId"/> (null: the last number issued) moved.</summary>
    public Task NextMove(string? jobId) =>
        _watches.TryGetValue(jobId ?? AllJobs, out var watch) ? Volatile.Read(ref watch.Moved).Task : Task.CompletedTask;

    /// <summary>
    /// Completes at <paramref name="changed"/>, at <paramref name="moved"/> (<see cref="NextMove"/>) or at
    /// <paramref name="keepAliveDue"/> (<see cref="KeepAliveWheel"/>): one task for every stream of the job holding
    /// the same three, so each of those carries one continuation per job and slot rather than one per stream
    /// (profiled: a WhenAny per stream left 10,000 continuations on each, and every completion then removed each
    /// from the other's list, O(n²)). A stream's wait then needs no timer of its own.
    /// </summary>
    public Task NextWake(string? jobId, Task changed, Task moved, Task keepAliveDue)
    {
        if (!_watches.TryGetValue(jobId ?? AllJobs, out var watch))
            return Task.WhenAny(changed, moved, keepAliveDue);
        lock (watch)
        {
            foreach (var wake in watch.Wakes)
            {
                if (ReferenceEquals(wake.Changed, changed) && ReferenceEquals(wake.Moved, moved) && ReferenceEquals(wake.KeepAliveDue, keepAliveDue))
                    return wake.Any;
            }
            // Wakes of an earlier change, poll or slot are done with: whoever waits on one already holds it.
            watch.Wakes.RemoveAll(static wake => wake.Any.IsCompleted);
            var next = new Wake(changed, moved, keepAliveDue, Task.WhenAny(changed, moved, keepAliveDue));
            watch.Wakes.Add(next);
            return next.Any;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WakeOnChange)
            return;
        while (await _timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The store could not be read (unreachable, say): the next tick tries again; the streams
                // themselves meet the failure at their next read.
                LogTickFailed(ex);
            }
        }
    }

    public override void Dispose()
    {
        _timer.Dispose();
        base.Dispose();
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        foreach (var (key, watch) in _watches)
        {
            var number = key == AllJobs
                ? await store.GetLastVersionAsync(cancellationToken)
                : await store.GetVersionAsync(key, cancellationToken);
            // The first reading also wakes: the streams may have read before a change whose signal was lost.
            if (watch.Seen is { } seen && seen.Number == number)
                continue;
            watch.Seen = new Reading(number);
            var moved = Interlocked.Exchange(ref watch.Moved, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            moved.TrySetResult();
        }
    }

    private void Leave(string key, Watch watch)
    {
        lock (watch)
        {
            if (--watch.Streams > 0)
                return;
            watch.Streams = -1;
            _watches.TryRemove(new KeyValuePair<string, Watch>(key, watch));
        }
        if (key != AllJobs)
        {
            reads.Forget(key);
            batches.Forget(key);
        }
        else
        {
            listings.Forget();
        }
        watch.Moved.TrySetResult();
    }

    private sealed record Reading(long? Number);

    private sealed record Wake(Task Changed, Task Moved, Task KeepAliveDue, Task Any);

    private sealed class Watch
    {
        public int Streams;
        public Reading? Seen;
        public readonly List<Wake> Wakes = [];
        public TaskCompletionSource Moved = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class Following(StreamPolls polls, string key, Watch watch) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                polls.Leave(key, watch);
        }
    }

    [LoggerMessage(LogLevel.Warning, "The streams' poll could not read the store; trying again at the next tick")]
    private partial void LogTickFailed(Exception error);
}
