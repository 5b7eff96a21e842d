namespace Aura.Core.Storage.Redis;

/// <summary>
/// The Redis store's Lua scripts. Redis runs a script alone, start to end, so each one is a
/// transaction: a state change checks, numbers, writes and indexes in one step, and no reader ever
/// sees a number issued whose write is not there yet. Versions travel as decimal strings
/// (<c>string.format('%d')</c>): Lua's <c>tostring</c> would print large numbers in exponent form.
/// </summary>
internal static partial class RedisScripts
{
    /// <summary>
    /// Takes a job out of every index it is in, by its meta entry (<c>m</c>); <c>base</c> is the key prefix.
    /// Shared by saving and deleting, so both keep the indexes alike.
    /// </summary>
    private const string Unindex = """
        local function unindex(base, m, created, completed, counts)
          redis.call('ZREM', created, m.c)
          redis.call('ZREM', base .. 'by-created:status:' .. m.s, m.c)
          redis.call('ZREM', base .. 'by-created:owner:' .. m.o, m.c)
          if m.d ~= '' then redis.call('ZREM', completed, m.d) end
          if redis.call('HINCRBY', counts, m.s, -1) <= 0 then redis.call('HDEL', counts, m.s) end
        end

        """;

    /// <summary>
    /// Saves a job's next state. KEYS: 1 sequence, 2 jobs, 3 meta, 4 the job's history, 5 by-created,
    /// 6 by-version, 7 by-completed, 8 counts, 9 the queue's leases. ARGV: 1 key base, 2 channel, 3 job id,
    /// 4 expected version, 5 and 6 the snapshot's JSON before and after its version number, 7 status,
    /// 8 owner, 9 by-created member, 10 by-completed member ('' while not ended), 11 the writer's claim
    /// token ('' for a write made for no claim: a user's command), 12… versions of the history to drop
    /// (computed by <see cref="HistoryCompaction"/> against the history at the expected version).
    /// Returns {1, version}; {2, stored version} when a claim token is given and is not the job's current
    /// lease (fencing: a worker that lost the job); {0, stored version} when the stored version is not the
    /// expected one. Nothing is written in either refusal.
    /// </summary>
    public const string Save = Unindex + """
        local base, channel, id, expected = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
        local status, owner, created, completed = ARGV[7], ARGV[8], ARGV[9], ARGV[10]
        local stored = redis.call('HGET', KEYS[3], id)
        local meta = stored and cjson.decode(stored)
        local current = meta and meta.v or '0'
        local claim = ARGV[11]
        if claim ~= '' and redis.call('HGET', KEYS[9], id) ~= claim then return {2, current} end
        if current ~= expected then return {0, current} end
        if #ARGV > 11 then
          -- The drops were computed from the history as it was at the expected version: still so?
          local top = redis.call('ZREVRANGE', KEYS[4], 0, 0, 'WITHSCORES')
          if #top == 0 or tonumber(top[2]) ~= tonumber(expected) then return {0, current} end
        end

        local v = string.format('%d', redis.call('INCR', KEYS[1]))
        local json = ARGV[5] .. v .. ARGV[6]
        redis.call('HSET', KEYS[2], id, json)
        redis.call('ZADD', KEYS[4], v, json)
        for i = 12, #ARGV do redis.call('ZREMRANGEBYSCORE', KEYS[4], ARGV[i], ARGV[i]) end

        if meta then unindex(base, meta, KEYS[5], KEYS[7], KEYS[8]) end
        redis.call('ZADD', KEYS[5], 0, created)
        redis.call('ZADD', base .. 'by-created:status:' .. status, 0, created)
        redis.call('ZADD', base .. 'by-created:owner:' .. owner, 0, created)
        if completed ~= '' then redis.call('ZADD', KEYS[7], 0, completed) end
        redis.call('ZADD', KEYS[6], v, id)
        redis.call('HINCRBY', KEYS[8], status, 1)
        redis.call('HSET', KEYS[3], id, cjson.encode({v = v, s = status, o = owner, c = created, d = completed}))

        redis.call('PUBLISH', channel, v .. ' ' .. id)
        return {1, v}
        """;

    /// <summary>
    /// Deletes a job and records its deletion under the next number. KEYS: 1–8 as <see cref="Save"/>,
    /// 9 deleted, 10 deletions, 11 deleted files pending, 12 deleted files gone. ARGV: 1 key base,
    /// 2 channel, 3 job id, 4 deletion time (ticks). Returns the deletion's number, or 0 when there was no
    /// such job (then no number is used).
    /// </summary>
    public const string Delete = Unindex + """
        local base, channel, id, at = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
        redis.call('DEL', KEYS[4])
        local stored = redis.call('HGET', KEYS[3], id)
        if not stored then return 0 end
        unindex(base, cjson.decode(stored), KEYS[5], KEYS[7], KEYS[8])
        redis.call('ZREM', KEYS[6], id)
        redis.call('HDEL', KEYS[2], id)
        redis.call('HDEL', KEYS[3], id)

        local v = string.format('%d', redis.call('INCR', KEYS[1]))
        local prior = redis.call('HGET', KEYS[9], id)
        if prior then redis.call('ZREM', KEYS[12], cjson.decode(prior).t .. ':' .. id) end
        redis.call('HSET', KEYS[9], id, cjson.encode({v = v, t = at}))
        redis.call('ZADD', KEYS[10], v, id)
        redis.call('ZADD', KEYS[11], 0, id)

        redis.call('PUBLISH', channel, v .. ' ' .. id)
        return v
        """;
}
