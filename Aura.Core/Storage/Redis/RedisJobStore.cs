using Aura.Core.Kernel;
using StackExchange.Redis;

namespace Aura.Core.Storage.Redis;

/// <summary>
/// The shared store for several nodes: jobs, their history, the indexes, tombstones and idempotency
/// keys in one Redis primary, every state change one Lua script (see <see cref="RedisScripts"/>) so
/// the global sequence (<c>INCR</c>) and the writes it numbers become visible together, in order.
/// Each change is also published on <see cref="RedisKeys.Changes"/> so other nodes can wake their
/// streams; a lost message only delays them until their next poll, the store being the truth.
/// <para>
/// Redis errors that mean "not now" (no connection, timeout, loading, read-only, out of memory) are
/// reported as <see cref="StoreUnavailableException"/>. A write whose answer was lost may or may not
/// have been applied; the version check makes a retry safe (it is then a conflict, not a double write).
/// </para>
/// </summary>
public sealed partial class RedisJobStore : IJobStore
{
    private readonly IConnectionMultiplexer _connection;

    /// <param name="connection">Shared by the whole process (one multiplexer per process is how the client is meant to be used).</param>
    /// <param name="keyPrefix">Put before every key (<c>Redis:KeyPrefix</c>), so several services can share one Redis.</param>
    public RedisJobStore(IConnectionMultiplexer connection, string keyPrefix = RedisOptions.DefaultKeyPrefix)
    {
        _connection = connection;
        Keys = new RedisKeys(keyPrefix);
    }

    public RedisKeys Keys { get; }

    /// <summary>The channel changes are published on: messages read <c>&lt;version&gt; &lt;job id&gt;</c>.</summary>
    public RedisChannel ChangesChannel => RedisChannel.Literal(Keys.Changes);

    private IDatabase Database => _connection.GetDatabase();

    /// <summary>Runs one call to Redis, reporting "Redis cannot serve this now" as <see cref="StoreUnavailableException"/>.</summary>
    private async Task<T> Run<T>(Func<IDatabase, Task<T>> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return await work(Database);
        }
        catch (Exception error) when (RedisFailures.MeansUnavailable(error))
        {
            throw new StoreUnavailableException(RedisFailures.Describe(error), error);
        }
    }

    private Task<RedisResult> Evaluate(string script, RedisKey[] keys, RedisValue[] values, CancellationToken cancellationToken) =>
        Run(database => database.ScriptEvaluateAsync(script, keys, values), cancellationToken);

    private static IReadOnlyList<JobSnapshot> Snapshots(RedisResult result) =>
        ((RedisValue[])result!).Where(json => !json.IsNull).Select(json => StoreJson.Deserialize(json!)).ToList();
}
