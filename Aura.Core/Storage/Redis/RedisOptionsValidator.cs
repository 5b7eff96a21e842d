using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Aura.Core.Storage.Redis;

/// <summary>
/// Checks the <c>Redis</c> section at start when <c>Storage:Provider</c> is <c>Redis</c>: a missing or
/// unreadable configuration string stops the service with one line naming the setting. Whether Redis
/// answers is not checked here: the service starts while Redis is down and reports not ready.
/// </summary>
public sealed class RedisOptionsValidator(IOptions<StorageOptions> storage) : IValidateOptions<RedisOptions>
{
    public ValidateOptionsResult Validate(string? name, RedisOptions options)
    {
        if (storage.Value.Provider != StorageProvider.Redis)
            return ValidateOptionsResult.Skip;
        if (string.IsNullOrWhiteSpace(options.Configuration))
            return ValidateOptionsResult.Fail(
                "Redis:Configuration is required when Storage:Provider is Redis: a StackExchange.Redis configuration string such as 127.0.0.1:6379.");
        try
        {
            if (ConfigurationOptions.Parse(options.Configuration).EndPoints.Count == 0)
                return ValidateOptionsResult.Fail($"Redis:Configuration names no server (host:port): '{options.Configuration}'.");
        }
        catch (Exception error) when (error is ArgumentException or FormatException)
        {
            return ValidateOptionsResult.Fail($"Redis:Configuration is not a valid StackExchange.Redis configuration string: {error.Message.ReplaceLineEndings(" ")}");
        }
        if (options.KeyPrefix.Any(char.IsControl))
            return ValidateOptionsResult.Fail("Redis:KeyPrefix must not hold control characters.");
        return ValidateOptionsResult.Success;
    }
}
