using System.Globalization;
using Aura.Core.Storage;
using Aura.Core.Storage.Redis;
using StackExchange.Redis;

namespace Aura.Core.Jobs.Redis;

/// <summary>
/// Puts back in line the jobs whose lease ran out (their worker died, froze or lost Redis): the next claim
/// runs each as its next attempt, and <see cref="JobAttemptRunner"/> fails it <c>E308-INTERRUPTED</c> past
/// <c>Jobs:MaxAttempts</c>, as at a restart. One reaper works at a time across the nodes, under a lock with
/// an expiry (so a reaper that dies holding it does not stop reaping) released only by its own token.
/// </summary>
public sealed class RedisLeaseReaper(IConnectionMultiplexer connection, string keyPrefix, TimeSpan lockExpiry)
{
    /// <summary>How many expired leases one pass puts back at most (the next pass takes the rest).</summary>
    internal const int Batch = 100;

    private readonly RedisKeys _keys = new(keyPrefix);

    private IDatabase Database => connection.GetDatabase();

    /// <summary>
    /// One pass: takes the lock, puts back the jobs of expired leases, gives the lock back. Null when another
    /// reaper holds the lock (nothing was done); else the ids put back in line.
    /// </summary>
    public async Task<IReadOnlyList<string>?> TryReapAsync()
    {
        if (await TryLockAsync() is not { } token)
            return null;
        try
        {
            return await ReapAsync();
        }
        finally
        {
            await UnlockAsync(token);
        }
    }

    /// <summary>Takes the reaper lock; its token, or null when another reaper holds it.</summary>
    internal async Task<string?> TryLockAsync()
    {
        var token = Guid.NewGuid().ToString("N");
        return await Unavailable(() => Database.StringSetAsync(_keys.ReaperLock, token, lockExpiry, When.NotExists)) ? token : null;
    }

    /// <summary>Gives the lock back, only if <paramref name="token"/> still holds it.</summary>
    internal Task UnlockAsync(string token) =>
        Unavailable(() => Database.ScriptEvaluateAsync(RedisQueueScripts.ReleaseLock, [_keys.ReaperLock], [token]));

    private async Task<IReadOnlyList<string>> ReapAsync()
    {
        var reaped = await Unavailable(() => Database.ScriptEvaluateAsync(RedisQueueScripts.Reap,
            [_keys.QueueLine, _keys.QueuePlaces, _keys.Leases, _keys.LeaseDeadlines],
            [_keys.QueueWake, Batch.ToString(CultureInfo.InvariantCulture)]));
        return ((RedisValue[])reaped!).Select(id => (string)id!).ToList();
    }

    private static async Task<T> Unavailable<T>(Func<Task<T>> work)
    {
        try
        {
            return await work();
        }
        catch (Exception error) when (RedisFailures.MeansUnavailable(error))
        {
            throw new StoreUnavailableException(RedisFailures.Describe(error), error);
        }
    }
}
