namespace Aura.Core.Storage.Redis;

// Idempotency keys: a hash of entries and a lexical index by expiry. Expiry is compared with the
// caller's "now" (not Redis's TTL), as the contract of IJobStore and the other stores do.
internal static partial class RedisScripts
{
    /// <summary>
    /// Claims a key unless a live entry holds it. KEYS: 1 entries, 2 by expiry. ARGV: 1 key, 2 now (ticks),
    /// 3 request hash, 4 job id, 5 expiry (ticks). Returns {1} when won, else {0, hash, job id, expiry}.
    /// </summary>
    public const string ClaimIdempotencyKey = Greater + """
        local stored = redis.call('HGET', KEYS[1], ARGV[1])
        if stored then
          local entry = cjson.decode(stored)
          if greater(entry.e, ARGV[2]) then return {0, entry.h, entry.j, entry.e} end
          redis.call('ZREM', KEYS[2], entry.e .. ':' .. ARGV[1])
        end
        redis.call('HSET', KEYS[1], ARGV[1], cjson.encode({h = ARGV[3], j = ARGV[4], e = ARGV[5]}))
        redis.call('ZADD', KEYS[2], 0, ARGV[5] .. ':' .. ARGV[1])
        return {1}
        """;

    /// <summary>Removes a key's entry while it names job ARGV[2]. KEYS: 1 entries, 2 by expiry. ARGV: 1 key. Returns 1 or 0.</summary>
    public const string ReleaseIdempotencyKey = """
        local stored = redis.call('HGET', KEYS[1], ARGV[1])
        if not stored then return 0 end
        local entry = cjson.decode(stored)
        if entry.j ~= ARGV[2] then return 0 end
        redis.call('HDEL', KEYS[1], ARGV[1])
        redis.call('ZREM', KEYS[2], entry.e .. ':' .. ARGV[1])
        return 1
        """;

    /// <summary>Removes at most ARGV[2] entries expiring up to the bound ARGV[1]. KEYS: 1 entries, 2 by expiry. Returns how many.</summary>
    public const string RemoveExpiredIdempotencyKeys = """
        local members = redis.call('ZRANGEBYLEX', KEYS[2], '-', ARGV[1], 'LIMIT', 0, ARGV[2])
        for _, m in ipairs(members) do
          redis.call('HDEL', KEYS[1], string.sub(m, 21))
          redis.call('ZREM', KEYS[2], m)
        end
        return #members
        """;
}
