namespace Aura.Core.Storage.Redis;

/// <summary>The <c>Redis</c> configuration section, used when <c>Storage:Provider</c> is <c>Redis</c>.</summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";

    public const string DefaultKeyPrefix = "aura:";

    /// <summary>
    /// A StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6379</c> or
    /// <c>redis.internal:6379,password=…,ssl=true</c>. Required with the Redis provider.
    /// </summary>
    public string? Configuration { get; set; }

    /// <summary>Put before every key (then the hash tag <c>{aura}</c>), so several services can share one Redis.</summary>
    public string KeyPrefix { get; set; } = DefaultKeyPrefix;
}
