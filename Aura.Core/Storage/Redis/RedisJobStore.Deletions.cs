using System.Globalization;
using StackExchange.Redis;

namespace Aura.Core.Storage.Redis;

// Deleting jobs: the tombstone that lets their files be removed, and the numbered deletions streams resume over.
public sealed partial class RedisJobStore
{
    /// <summary>How many entries one pruning script removes; the store repeats it, so no script blocks Redis for long.</summary>
    private const int Batch = 1000;

    public async Task<bool> DeleteAsync(string jobId, DateTimeOffset deletedAt, CancellationToken cancellationToken)
    {
        RedisKey[] keys =
        [
            Keys.Sequence, Keys.Jobs, Keys.Meta, Keys.History(jobId), Keys.ByCreated, Keys.ByVersion, Keys.ByCompleted, Keys.Counts,
            Keys.Deleted, Keys.Deletions, Keys.DeletedFilesPending, Keys.DeletedFilesGone,
        ];
        var version = (long)await Evaluate(RedisScripts.Delete, keys, [Keys.Base, Keys.Changes, jobId, RedisTicks.Of(deletedAt)], cancellationToken);
        return version > 0;
    }

    public async Task<IReadOnlyList<string>> ListDeletedAsync(CancellationToken cancellationToken)
    {
        // Lexical order is byte order: the job ids sorted as SQLite's ORDER BY job_id sorts them.
        var ids = await Run(database => database.SortedSetRangeByValueAsync(Keys.DeletedFilesPending), cancellationToken);
        return ids.Select(id => (string)id!).ToList();
    }

    public async Task<bool> ForgetDeletedAsync(string jobId, CancellationToken cancellationToken) =>
        (long)await Evaluate(RedisScripts.ForgetDeleted, [Keys.Deleted, Keys.DeletedFilesPending, Keys.DeletedFilesGone], [jobId], cancellationToken) == 1;

    public async Task<IReadOnlyList<JobDeletion>> ListDeletionsAfterAsync(long afterVersion, int limit, CancellationToken cancellationToken)
    {
        if (limit <= 0)
            return [];
        var triples = (RedisValue[])(await Evaluate(RedisScripts.DeletionsAfter, [Keys.Deleted, Keys.Deletions],
            [Text(afterVersion), Limit(limit)], cancellationToken))!;
        var deletions = new List<JobDeletion>(triples.Length / 3);
        for (var i = 0; i + 2 < triples.Length; i += 3)
            deletions.Add(new JobDeletion(triples[i]!, Number(triples[i + 1]), RedisTicks.Parse(triples[i + 2]!)));
        return deletions;
    }

    public async Task<int> PruneDeletionsAsync(DateTimeOffset deletedBefore, CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            var removed = (int)await Evaluate(RedisScripts.PruneDeletions, [Keys.Deleted, Keys.Deletions, Keys.DeletedFilesGone],
                [RedisTicks.Before(deletedBefore), Batch.ToString(CultureInfo.InvariantCulture)], cancellationToken);
            total += removed;
            if (removed < Batch)
                return total;
        }
    }
}
