using System.Text;
using System.Text.Json;
using Aura.Api.Contracts;
using Aura.Core.Kernel;
using Aura.Core.Storage;

namespace Aura.Api.Sse;

/// <summary>
/// One listing of the all-jobs stream: the last number the store had issued when it began, then what changed
/// after the stream's place (<see cref="AllJobsBatch"/>). Each item's event is framed and encoded once per
/// path view, for every stream that sends it (<see cref="SharedJobListings"/>).
/// </summary>
public sealed class AllJobsListing(long issued, AllJobsBatch batch)
{
    private readonly byte[]?[] _encoded = new byte[]?[batch.Items.Count * 2];

    /// <summary>The last number issued before the lists were read: nothing numbered at or below it is left to list.</summary>
    public long Issued { get; } = issued;

    public AllJobsBatch Batch { get; } = batch;

    /// <summary>Reads one: the number issued first, then the jobs and (unless <paramref name="deletionsAfter"/> is null) the deletions.</summary>
    public static async Task<AllJobsListing> ReadAsync(IJobStore store, long afterVersion, long? deletionsAfter, int pageSize, CancellationToken cancellationToken)
    {
        var issued = await store.GetLastVersionAsync(cancellationToken);
        var jobs = await store.ListChangedAfterAsync(afterVersion, pageSize, cancellationToken);
        var deletions = deletionsAfter is { } after ? await store.ListDeletionsAfterAsync(after, pageSize, cancellationToken) : [];
        return new AllJobsListing(issued, AllJobsBatch.Merge(jobs, deletions, pageSize));
    }

    /// <summary>Item <paramref name="index"/>'s event, framed and encoded, with paths as <paramref name="seesPaths"/> says.</summary>
    public byte[] Encoded(int index, bool seesPaths)
    {
        ref var kept = ref _encoded[index * 2 + (seesPaths ? 1 : 0)];
        return Volatile.Read(ref kept) ?? Interlocked.CompareExchange(ref kept, Encode(Batch.Items[index], seesPaths), null) ?? kept!;
    }

    private static byte[] Encode(AllJobsBatch.Item item, bool seesPaths)
    {
        var message = item.Deletion is { } deletion
            ? new SseMessage(AllJobsEvents.Deleted, JsonSerializer.Serialize(new JobDeletedEvent(deletion.JobId, deletion.DeletedAt), WireJson.Options))
            : new SseMessage(AllJobsEvents.Update, JsonSerializer.Serialize(
                JobResponse.From(seesPaths ? item.Job! : Security.PathRedaction.HidePaths(item.Job!)), WireJson.Options));
        return Encoding.UTF8.GetBytes(SseFraming.Event(message, item.Version));
    }
}
