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

    public static string Describe(Exception error) => error switch
    {
        RedisServerException server when server.Message.StartsWith("OOM", StringComparison.Ordinal) =>
            "Redis is out of memory and refuses writes (maxmemory reached): nothing was written.",
        RedisServerException => $"Redis refuses work for now ({FirstLine(error.Message)}).",
        RedisTimeoutException => "Redis did not answer in time; the outcome of a write is unknown until it is read back.",
        _ => $"Redis cannot be reached ({FirstLine(error.Message)}).",
    };

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
