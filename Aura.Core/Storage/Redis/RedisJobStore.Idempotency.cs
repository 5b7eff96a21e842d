using System.Globalization;
using StackExchange.Redis;

namespace Aura.Core.Storage.Redis;

// Idempotency keys: a claim is one script, so of concurrent claims of one key, from any node, one wins.
public sealed partial class RedisJobStore
{
    public async Task<IdempotencyClaim> ClaimIdempotencyKeyAsync(IdempotencyKey key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var result = (RedisValue[])(await Evaluate(RedisScripts.ClaimIdempotencyKey, [Keys.Idempotency, Keys.IdempotencyByExpiry],
            [key.Key, RedisTicks.Of(now), key.RequestHash, key.JobId, RedisTicks.Of(key.ExpiresAt)], cancellationToken))!;
        if ((int)result[0] == 1)
            return new IdempotencyClaim(true, key);
        return new IdempotencyClaim(false, new IdempotencyKey(key.Key, result[1]!, result[2]!, RedisTicks.Parse(result[3]!)));
    }

    public async Task<bool> ReleaseIdempotencyKeyAsync(string key, string jobId, CancellationToken cancellationToken) =>
        (long)await Evaluate(RedisScripts.ReleaseIdempotencyKey, [Keys.Idempotency, Keys.IdempotencyByExpiry], [key, jobId], cancellationToken) == 1;

    public async Task<int> RemoveExpiredIdempotencyKeysAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            var removed = (int)await Evaluate(RedisScripts.RemoveExpiredIdempotencyKeys, [Keys.Idempotency, Keys.IdempotencyByExpiry],
                [RedisTicks.AtOrBefore(now), Batch.ToString(CultureInfo.InvariantCulture)], cancellationToken);
            total += removed;
            if (removed < Batch)
                return total;
        }
    }
}
