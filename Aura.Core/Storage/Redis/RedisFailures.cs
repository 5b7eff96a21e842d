using StackExchange.Redis;

namespace Aura.Core.Storage.Redis;

/// <summary>Which Redis errors mean "the store cannot serve this now, try again shortly".</summary>
internal static class RedisFailures
{
    // Replies of a reachable server that refuses work for now: still loading its data, a replica or a
    // primary without its replicas, a failed background save, full memory (maxmemory with noeviction),
    // or busy with a long script.
    private static readonly string[] RefusalPrefixes = ["LOADING", "READONLY", "MASTERDOWN", "MISCONF", "OOM", "BUSY", "NOREPLICAS", "TRYAGAIN", "CLUSTERDOWN"];

    public static bool MeansUnavailable(Exception error) => error switch
    {
        RedisConnectionException or RedisTimeoutException => true,
        RedisServerException server => RefusalPrefixes.Any(p => server.Message.StartsWith(p, StringComparison.Ordinal)),
        _ => false,
    };

    /// <summary>
    /// What went wrong, in words fit for a client: no addresses or command details (those stay in the
    /// inner exception, for the log).
    /// </summary>
    public static string Describe(Exception error) => error switch
    {
        RedisServerException server when server.Message.StartsWith("OOM", StringComparison.Ordinal) =>
            "Redis is out of memory and refuses writes (maxmemory reached): nothing was written.",
        RedisServerException server => $"Redis refuses work for now ({server.Message.Split(' ', 2)[0]}): nothing was written.",
        RedisTimeoutException => "Redis did not answer in time: a write may or may not have been applied.",
        _ => "Redis cannot be reached: nothing was read or written.",
    };
}
