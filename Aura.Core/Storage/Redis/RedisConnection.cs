using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Aura.Core.Storage.Redis;

/// <summary>The process's one connection to Redis, made from <c>Redis:Configuration</c>.</summary>
public static class RedisConnection
{
    /// <summary>
    /// Connects without failing when Redis is down (<c>AbortOnConnectFail=false</c>): the client keeps
    /// reconnecting in the background, the service starts and <c>/health</c> says not ready. Commands made
    /// while there is no connection fail at once (<see cref="BacklogPolicy.FailFast"/>) instead of queueing
    /// for seconds, so a request is answered 503 promptly and the caller retries.
    /// </summary>
    public static IConnectionMultiplexer Connect(RedisOptions options, ILoggerFactory? loggers = null)
    {
        var configuration = ConfigurationOptions.Parse(options.Configuration!);
        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        configuration.ClientName ??= "aura-jobs";
        if (loggers is not null)
            configuration.LoggerFactory = loggers;
        return ConnectionMultiplexer.Connect(configuration);
    }
}
