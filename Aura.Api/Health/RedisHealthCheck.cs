using Aura.Core.Storage;
using Aura.Core.Storage.Redis;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Aura.Api.Health;

/// <summary>
/// Ready when Redis answers a PING on the service's connection. Registered only when the store is
/// Redis (<see cref="AddWhenRedisIsTheStore"/>), so SQLite users see no <c>redis</c> part.
/// </summary>
public sealed class RedisHealthCheck(IConnectionMultiplexer connection) : IHealthCheck
{
    public const string Name = "redis";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var endpoint = connection.GetEndPoints().FirstOrDefault()?.ToString();
        try
        {
            var ping = await connection.GetDatabase().PingAsync();
            return AuraHealthChecks.Result(true, new RedisHealth(true, connection.IsConnected, endpoint, Math.Round(ping.TotalMilliseconds, 2), null));
        }
        catch (Exception error) when (error is RedisException or TimeoutException)
        {
            const string problem = "Redis cannot be reached: jobs cannot be created, read or run until it is back.";
            return AuraHealthChecks.Result(false, new RedisHealth(false, connection.IsConnected, endpoint, null, problem), problem);
        }
    }

    /// <summary>Adds the check to the readiness checks when <c>Storage:Provider</c> is <c>Redis</c>.</summary>
    public static void AddWhenRedisIsTheStore(IServiceCollection services) =>
        services.AddOptions<HealthCheckServiceOptions>().Configure<IOptions<StorageOptions>>((checks, storage) =>
        {
            if (storage.Value.Provider == StorageProvider.Redis)
                checks.Registrations.Add(new HealthCheckRegistration(Name,
                    s => ActivatorUtilities.CreateInstance<RedisHealthCheck>(s), HealthStatus.Unhealthy, [HealthEndpoints.Ready]));
        });
}
