using System.Globalization;
using Aura.Core.Kernel;
using StackExchange.Redis;

namespace Aura.Core.Storage.Redis;

// Saving and reading one job.
public sealed partial class RedisJobStore
{
    /// <summary>
    /// A version no job has, written where the number goes; the script puts the real number, which
    /// only it knows (it comes from INCR), between the JSON before and after it.
    /// </summary>
    private const long VersionMark = long.MinValue;

    public Task<JobSnapshot> SaveAsync(JobSnapshot job, long expectedVersion, CancellationToken cancellationToken) =>
        SaveAsync(job, expectedVersion, null, cancellationToken);

    public async Task<JobSnapshot> SaveAsync(JobSnapshot job, long expectedVersion, string? claimToken, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var (head, tail) = SplitAtVersion(job);
        var drop = job.IsTerminal ? await VersionsToDropAsync(job, expectedVersion, cancellationToken) : [];
        var owner = job.Owner ?? JobQuery.DefaultOwner;
        RedisKey[] keys =
        [
            Keys.Sequence, Keys.Jobs, Keys.Meta, Keys.History(job.JobId), Keys.ByCreated, Keys.ByVersion, Keys.ByCompleted, Keys.Counts,
            Keys.Leases,
        ];
        RedisValue[] values =
        [
            Keys.Base, Keys.Changes, job.JobId, Text(expectedVersion), head, tail, job.Status.ToString(), owner,
            RedisTicks.Member(job.CreatedAt, job.JobId), job.IsTerminal ? RedisTicks.Member(job.EndedAt(), job.JobId) : "",
            claimToken ?? "",
            .. drop.Select(v => (RedisValue)Text(v)),
        ];
        var result = (RedisValue[])(await Evaluate(RedisScripts.Save, keys, values, cancellationToken))!;
        var version = Number(result[1]);
        if ((int)result[0] == 2)
            throw new StaleClaimException(job.JobId, claimToken!);
        if ((int)result[0] == 0)
            throw new JobStoreConflictException(job.JobId, expectedVersion, version);
        return job with { Version = version };
    }

    public async Task<JobSnapshot?> GetAsync(string jobId, CancellationToken cancellationToken)
    {
        var json = await Run(database => database.HashGetAsync(Keys.Jobs, jobId), cancellationToken);
        return json.IsNull ? null : StoreJson.Deserialize(json!);
    }

    public async Task<JobSnapshot?> GetAsOfAsync(string jobId, long version, CancellationToken cancellationToken)
    {
        var found = await Run(database => database.SortedSetRangeByScoreAsync(Keys.History(jobId),
            start: double.NegativeInfinity, stop: version, order: Order.Descending, take: 1), cancellationToken);
        return found.Length == 0 ? null : StoreJson.Deserialize(found[0]!);
    }

    // One ZSCORE: the job's number in the by-version index, which the save and delete scripts move with the
    // job itself, so an idle stream's poll neither reads nor deserializes the snapshot. Sequence numbers stay
    // far below 2^53, where a score (a double) holds them exactly.
    public async Task<long?> GetVersionAsync(string jobId, CancellationToken cancellationToken)
    {
        var score = await Run(database => database.SortedSetScoreAsync(Keys.ByVersion, jobId), cancellationToken);
        return score is { } version ? (long)version : null;
    }

    public async Task<long> GetLastVersionAsync(CancellationToken cancellationToken)
    {
        var last = await Run(database => database.StringGetAsync(Keys.Sequence), cancellationToken);
        return last.IsNull ? 0 : Number(last);
    }

    /// <summary>
    /// The versions an ended job's history sheds (<see cref="HistoryCompaction"/>, the rule SQLite uses),
    /// worked out here from the history as it stands at <paramref name="expectedVersion"/>, with the new
    /// state last. The script drops them only if the history is still at that version (else: conflict).
    /// </summary>
    private async Task<IReadOnlyList<long>> VersionsToDropAsync(JobSnapshot job, long expectedVersion, CancellationToken cancellationToken)
    {
        var stored = await Run(database => database.SortedSetRangeByRankAsync(Keys.History(job.JobId)), cancellationToken);
        var history = stored.Select(json => StoreJson.Deserialize(json!)).ToList();
        if (history.Count == 0 || history[^1].Version != expectedVersion)
            return []; // the job has moved on (or is new): the script answers with a conflict, or there is nothing to shed
        history.Add(job with { Version = long.MaxValue });
        return HistoryCompaction.VersionsToDrop(history);
    }

    /// <summary>The job's JSON before and after its version number, exactly as <see cref="StoreJson"/> writes it.</summary>
    private static (string Head, string Tail) SplitAtVersion(JobSnapshot job)
    {
        var json = StoreJson.Serialize(job with { Version = VersionMark });
        var mark = "\"version\":" + Text(VersionMark);
        var at = json.IndexOf(mark, StringComparison.Ordinal);
        if (at < 0 || json.IndexOf(mark, at + mark.Length, StringComparison.Ordinal) >= 0)
            throw new InvalidOperationException("A job's JSON must carry its version exactly once as \"version\".");
        var numberAt = at + "\"version\":".Length;
        return (json[..numberAt], json[(numberAt + Text(VersionMark).Length)..]);
    }

    private static string Text(long number) => number.ToString(CultureInfo.InvariantCulture);

    private static long Number(RedisValue value) => long.Parse((string)value!, CultureInfo.InvariantCulture);
}
