using System.Collections.Concurrent;
using Aura.Core.Storage.Redis;
using StackExchange.Redis;

namespace Aura.Api.Limits;

/// <summary>
/// Open event streams counted in Redis, so <c>Sse:MaxStreamsPerPrincipal</c> and <c>Sse:MaxStreams</c> hold
/// across every API node. Each open stream is a member of a sorted set per count (per principal, and "all"),
/// scored by when it expires: a node renews its own streams every <see cref="RenewEvery"/>, so the streams of a
/// node that died stop counting within <see cref="Lifetime"/> instead of holding their places for ever.
/// Times are Redis's own (<c>TIME</c>), so the nodes' clocks need not agree.
/// </summary>
public sealed class SharedStreamCount(IConnectionMultiplexer connection, RedisKeys keys)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(10);

    // Drops the expired, then takes a place if one is free. Returns 1 (taken) or 0 (full).
    private const string TakeScript = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
        if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return 0 end
        redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[2])
        redis.call('PEXPIRE', KEYS[1], ARGV[3])
        return 1
        """;

    // Moves the expiry of this node's open streams on; a member already dropped (expired) stays dropped.
    private const string RenewScript = """
        local t = redis.call('TIME')
        local until_ = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) + tonumber(ARGV[1])
        for i = 1, #KEYS do
            redis.call('ZADD', KEYS[i], 'XX', until_, ARGV[i + 1])
            redis.call('PEXPIRE', KEYS[i], ARGV[1])
        end
        return #KEYS
        """;

    private readonly ConcurrentDictionary<(string Key, string Member), byte> _open = new();

    public RedisKey KeyOf(string partition) => keys.Base + "streams:" + partition;

    /// <summary>Takes a place in <paramref name="key"/> if fewer than <paramref name="limit"/> are taken; the member to give back, or null when full.</summary>
    public async Task<string?> TryTakeAsync(RedisKey key, int limit)
    {
        var member = Guid.NewGuid().ToString("N");
        var taken = (long)await connection.GetDatabase().ScriptEvaluateAsync(TakeScript, [key],
            [limit, member, (long)Lifetime.TotalMilliseconds]);
        if (taken == 0)
            return null;
        _open[(key.ToString(), member)] = 0;
        return member;
    }

    /// <summary>Gives a place back (the stream ended). If Redis is away, the place expires by itself.</summary>
    public void Release(RedisKey key, string member)
    {
        _open.TryRemove((key.ToString(), member), out _);
        _ = connection.GetDatabase().SortedSetRemoveAsync(key, member, CommandFlags.FireAndForget);
    }

    /// <summary>Renews every stream this node has open.</summary>
    public async Task RenewAsync()
    {
        var open = _open.Keys.ToList();
        foreach (var batch in open.Chunk(500))
            await connection.GetDatabase().ScriptEvaluateAsync(RenewScript, [.. batch.Select(o => (RedisKey)o.Key)],
                [(long)Lifetime.TotalMilliseconds, .. batch.Select(o => (RedisValue)o.Member)]);
    }
}
