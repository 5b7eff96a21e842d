using System.Globalization;
using Aura.Core.Kernel;
using StackExchange.Redis;

namespace Aura.Core.Storage.Redis;

// Lists of jobs, each one script over an index and the jobs, so it reads one consistent state.
public sealed partial class RedisJobStore
{
    public async Task<IReadOnlyList<JobSnapshot>> ListAsync(JobQuery query, CancellationToken cancellationToken)
    {
        var statuses = query.Statuses.Distinct().Select(s => s.ToString()).ToList();
        var bound = query.CreatedBefore is { } before ? RedisTicks.Before(before) : "+";
        // The narrowest index: one owner's jobs (their statuses filtered while walking), else one index
        // per status merged newest first, else all jobs.
        var (mode, indexes) = (query.Owner, statuses.Count) switch
        {
            ({ } owner, 0) => ("one", new[] { Keys.ByCreatedOfOwner(owner) }),
            ({ } owner, _) => ("filter", new[] { Keys.ByCreatedOfOwner(owner) }),
            (null, 0) => ("one", new[] { Keys.ByCreated }),
            (null, 1) => ("one", new[] { Keys.ByCreatedInStatus(statuses[0]) }),
            _ => ("merge", statuses.Select(Keys.ByCreatedInStatus).ToArray()),
        };
        RedisKey[] keys = [Keys.Jobs, Keys.Meta, .. indexes.Select(i => (RedisKey)i)];
        RedisValue[] values = [bound, Limit(query.Limit), mode, .. statuses.Select(s => (RedisValue)s)];
        return Snapshots(await Evaluate(RedisScripts.List, keys, values, cancellationToken));
    }

    public async Task<IReadOnlyDictionary<JobStatus, int>> CountByStatusAsync(CancellationToken cancellationToken)
    {
        var entries = await Run(database => database.HashGetAllAsync(Keys.Counts), cancellationToken);
        var counts = new Dictionary<JobStatus, int>();
        foreach (var entry in entries)
        {
            if (Enum.TryParse<JobStatus>(entry.Name!, out var status) && (int)entry.Value > 0)
                counts[status] = (int)entry.Value;
        }
        return counts;
    }

    public async Task<IReadOnlyList<JobSnapshot>> ListChangedAfterAsync(long afterVersion, int limit, CancellationToken cancellationToken)
    {
        if (limit <= 0)
            return [];
        return Snapshots(await Evaluate(RedisScripts.ChangedAfter, [Keys.Jobs, Keys.ByVersion],
            [Text(afterVersion), Limit(limit)], cancellationToken));
    }

    public async Task<IReadOnlyList<JobSnapshot>> ListTerminalBeforeAsync(DateTimeOffset completedBefore, int limit, CancellationToken cancellationToken)
    {
        if (limit <= 0)
            return [];
        return Snapshots(await Evaluate(RedisScripts.TerminalBefore, [Keys.Jobs, Keys.ByCompleted],
            [RedisTicks.Before(completedBefore), Limit(limit)], cancellationToken));
    }

    /// <summary>A negative limit means none, as in LINQ's Take.</summary>
    private static string Limit(int limit) => Math.Max(0, limit).ToString(CultureInfo.InvariantCulture);
}
