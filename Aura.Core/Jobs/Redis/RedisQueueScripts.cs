namespace Aura.Core.Jobs.Redis;

/// <summary>
/// The Redis queue's Lua scripts (keys: <see cref="Storage.Redis.RedisKeys"/>). Redis runs each alone, so a
/// job is never taken from the line without its lease being recorded in the same step, and a lease is
/// never renewed, given back or reaped halfway. Deadlines are Redis's own clock (<c>TIME</c>, in
/// milliseconds), so the nodes' clocks never have to agree. The line is a list: new jobs go in on the
/// left, workers take from the right, and a job put back (interrupted, reaped) goes to the right end, first in line.
/// </summary>
internal static class RedisQueueScripts
{
    private const string Now = """
        local function now_ms()
          local t = redis.call('TIME')
          return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        end

        """;

    /// <summary>KEYS: 1 places. ARGV: 1 job id, 2 capacity. 1 when the job took a place, 0 when the queue is full (or it holds one already).</summary>
    public const string Reserve = """
        if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 1 then return 0 end
        if redis.call('SCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
        redis.call('SADD', KEYS[1], ARGV[1])
        return 1
        """;

    /// <summary>KEYS: 1 line. ARGV: 1 job id, 2 wake channel. Puts the job in line and wakes the waiting workers.</summary>
    public const string Enqueue = """
        redis.call('LPUSH', KEYS[1], ARGV[1])
        redis.call('PUBLISH', ARGV[2], ARGV[1])
        return 1
        """;

    /// <summary>
    /// KEYS: 1 line, 2 places, 3 leases, 4 lease deadlines. ARGV: 1 job id, 2 wake channel. Puts back in line
    /// (whatever the capacity) a job the store holds unfinished, unless a live lease holds it or it is in
    /// line already. A lease past its deadline holds nothing: it is dropped (its worker's renewal then fails).
    /// 1 when the job was put in line, 0 when it was left as it was.
    /// </summary>
    public const string Requeue = Now + """
        local id = ARGV[1]
        if redis.call('HEXISTS', KEYS[3], id) == 1 then
          local deadline = tonumber(redis.call('ZSCORE', KEYS[4], id))
          if deadline and deadline > now_ms() then return 0 end
          redis.call('HDEL', KEYS[3], id)
          redis.call('ZREM', KEYS[4], id)
        end
        if redis.call('LPOS', KEYS[1], id) then return 0 end
        redis.call('SADD', KEYS[2], id)
        redis.call('LPUSH', KEYS[1], id)
        redis.call('PUBLISH', ARGV[2], id)
        return 1
        """;

    /// <summary>
    /// KEYS: 1 line, 2 places, 3 leases, 4 lease deadlines. ARGV: 1 the new lease's token, 2 lease time (ms).
    /// Takes the next job in line, gives back its place and records its lease (token, deadline = now +
    /// lease time), all in one step. An id whose job a lease holds already is passed over (the holder keeps
    /// it). Returns the job id, or nil when no job waits.
    /// </summary>
    public const string Claim = Now + """
        while true do
          local id = redis.call('RPOP', KEYS[1])
          if not id then return false end
          redis.call('SREM', KEYS[2], id)
          if redis.call('HEXISTS', KEYS[3], id) == 0 then
            redis.call('HSET', KEYS[3], id, ARGV[1])
            redis.call('ZADD', KEYS[4], now_ms() + tonumber(ARGV[2]), id)
            return id
          end
        end
        """;

    /// <summary>
    /// KEYS: 1 leases, 2 lease deadlines. ARGV: 1 job id, 2 token, 3 lease time (ms). Moves the deadline on
    /// while the token is the job's lease and its deadline has not passed (a lease past it is the reaper's).
    /// 1 when renewed, 0 when the lease is gone or another's: the worker has lost the job.
    /// </summary>
    public const string Renew = Now + """
        if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] then return 0 end
        local now = now_ms()
        local deadline = tonumber(redis.call('ZSCORE', KEYS[2], ARGV[1]))
        if not deadline or deadline <= now then return 0 end
        redis.call('ZADD', KEYS[2], now + tonumber(ARGV[3]), ARGV[1])
        return 1
        """;

    /// <summary>
    /// KEYS: 1 line, 2 places, 3 leases, 4 lease deadlines. ARGV: 1 job id, 2 token, 3 '1' to put the job
    /// back in line (interrupted) or '0' (ended), 4 wake channel. Drops the lease only while the token is
    /// still the job's; a stale token changes nothing. 1 when the lease was given back, 0 when it was stale.
    /// </summary>
    public const string Complete = """
        local id = ARGV[1]
        if redis.call('HGET', KEYS[3], id) ~= ARGV[2] then return 0 end
        redis.call('HDEL', KEYS[3], id)
        redis.call('ZREM', KEYS[4], id)
        if ARGV[3] == '1' and not redis.call('LPOS', KEYS[1], id) then
          redis.call('SADD', KEYS[2], id)
          redis.call('RPUSH', KEYS[1], id)
          redis.call('PUBLISH', ARGV[4], id)
        end
        return 1
        """;

    /// <summary>
    /// KEYS: 1 line, 2 places, 3 leases, 4 lease deadlines. ARGV: 1 wake channel, 2 batch size. Drops up to
    /// a batch of leases whose deadline has passed and puts their jobs first in line (their next attempt
    /// is the next claim's). Returns the ids put back.
    /// </summary>
    public const string Reap = Now + """
        local expired = redis.call('ZRANGEBYSCORE', KEYS[4], '-inf', now_ms(), 'LIMIT', 0, tonumber(ARGV[2]))
        for _, id in ipairs(expired) do
          redis.call('ZREM', KEYS[4], id)
          redis.call('HDEL', KEYS[3], id)
          if not redis.call('LPOS', KEYS[1], id) then
            redis.call('SADD', KEYS[2], id)
            redis.call('RPUSH', KEYS[1], id)
          end
        end
        if #expired > 0 then redis.call('PUBLISH', ARGV[1], 'reaped') end
        return expired
        """;

    /// <summary>KEYS: 1 reaper lock. ARGV: 1 token. Deletes the lock only if this token holds it (it may have expired and be another's).</summary>
    public const string ReleaseLock = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
        return 0
        """;
}
