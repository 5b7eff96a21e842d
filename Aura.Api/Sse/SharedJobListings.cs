using System.Collections.Concurrent;
using Aura.Core.Storage;

namespace Aura.Api.Sse;

/// <summary>
/// One listing for every all-jobs stream at the same place at the same moment (10,000 clients opening the
/// stream, or all of them woken by a change, list once, not 10,000 times). As with <see cref="SharedJobReads"/>,
/// a listing is keyed by the tasks its streams wait on next (the change signal's and the poll's, taken before
/// it): a stream joins a listing only when it holds the very same tasks, still pending when that listing
/// began, so no change can lie between the listing and the stream's wait without waking it. Only the
/// listings of the newest such tasks are kept.
/// </summary>
public sealed class SharedJobListings(IJobStore store)
{
    private const int PageSize = 200;
    private Generation? _current;

    /// <summary>What changed after <paramref name="afterVersion"/> (deletions after <paramref name="deletionsAfter"/>; null: none).</summary>
    public Task<AllJobsListing> GetAsync(long afterVersion, long? deletionsAfter, Task changed, Task moved, CancellationToken cancellationToken)
    {
        var generation = Volatile.Read(ref _current);
        if (generation is null || !ReferenceEquals(generation.Changed, changed) || !ReferenceEquals(generation.Moved, moved))
        {
            var fresh = new Generation(changed, moved);
            generation = Interlocked.CompareExchange(ref _current, fresh, generation) == generation ? fresh : Volatile.Read(ref _current)!;
            // Another stream put a generation of other tasks in between: this one's listing is not shared.
            if (!ReferenceEquals(generation.Changed, changed) || !ReferenceEquals(generation.Moved, moved))
                return ReadAsync(afterVersion, deletionsAfter, cancellationToken);
        }
        var listing = generation.Listings.GetOrAdd((afterVersion, deletionsAfter),
            static (place, self) => new Lazy<Task<AllJobsListing>>(() => self.ReadAsync(place.After, place.DeletionsAfter, CancellationToken.None)), this);
        if (listing.Value.IsFaulted || listing.Value.IsCanceled)
        {
            generation.Listings.TryRemove(new KeyValuePair<(long, long?), Lazy<Task<AllJobsListing>>>((afterVersion, deletionsAfter), listing));
            return ReadAsync(afterVersion, deletionsAfter, cancellationToken);
        }
        // Not canceled by the stream that started it: others may be waiting on it (each waits with its own token).
        return listing.Value.WaitAsync(cancellationToken);
    }

    /// <summary>A listing of one's own (polling, with no change signal to key a shared one by).</summary>
    public Task<AllJobsListing> ReadAsync(long afterVersion, long? deletionsAfter, CancellationToken cancellationToken) =>
        AllJobsListing.ReadAsync(store, afterVersion, deletionsAfter, PageSize, cancellationToken);

    /// <summary>Drops what is kept once no all-jobs stream is open.</summary>
    public void Forget() => Volatile.Write(ref _current, null);

    private sealed class Generation(Task changed, Task moved)
    {
        public Task Changed { get; } = changed;

        public Task Moved { get; } = moved;

        public ConcurrentDictionary<(long After, long? DeletionsAfter), Lazy<Task<AllJobsListing>>> Listings { get; } = new();
    }
}
