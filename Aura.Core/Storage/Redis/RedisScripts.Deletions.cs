namespace Aura.Core.Storage.Redis;

// Tombstones: pending ones (files not yet removed) and gone ones (kept only to announce the deletion).
internal static partial class RedisScripts
{
    /// <summary>Marks a deletion's files as gone. KEYS: 1 deleted, 2 files pending, 3 files gone. ARGV: 1 job id. Returns 1, or 0 when none was pending.</summary>
    public const string ForgetDeleted = """
        if redis.call('ZREM', KEYS[2], ARGV[1]) == 0 then return 0 end
        local entry = redis.call('HGET', KEYS[1], ARGV[1])
        if entry then redis.call('ZADD', KEYS[3], 0, cjson.decode(entry).t .. ':' .. ARGV[1]) end
        return 1
        """;

    /// <summary>Deletions after number ARGV[1], at most ARGV[2], as id, number, ticks triples. KEYS: 1 deleted, 2 deletions.</summary>
    public const string DeletionsAfter = """
        local ids = redis.call('ZRANGEBYSCORE', KEYS[2], '(' .. ARGV[1], '+inf', 'LIMIT', 0, ARGV[2])
        local out = {}
        for _, id in ipairs(ids) do
          local entry = cjson.decode(redis.call('HGET', KEYS[1], id))
          table.insert(out, id)
          table.insert(out, entry.v)
          table.insert(out, entry.t)
        end
        return out
        """;

    /// <summary>
    /// Forgets deletions whose files are gone and whose time is before the bound ARGV[1], at most ARGV[2]
    /// of them. KEYS: 1 deleted, 2 deletions, 3 files gone. Returns how many.
    /// </summary>
    public const string PruneDeletions = """
        local members = redis.call('ZRANGEBYLEX', KEYS[3], '-', ARGV[1], 'LIMIT', 0, ARGV[2])
        for _, m in ipairs(members) do
          local id = string.sub(m, 21)
          redis.call('HDEL', KEYS[1], id)
          redis.call('ZREM', KEYS[2], id)
          redis.call('ZREM', KEYS[3], m)
        end
        return #members
        """;
}
