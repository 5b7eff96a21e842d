using Aura.Core.Storage;
using Aura.Core.Storage.Redis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Aura.Tests.Storage;

/// <summary>Choosing the Redis store: Storage:Provider=Redis with Redis:Configuration, checked at start.</summary>
public sealed class RedisStorageOptionsTests
{
    [Theory]
    [InlineData(null, "Redis:Configuration is required")]
    [InlineData(" ", "Redis:Configuration is required")]
    [InlineData("127.0.0.1:6379,nonsense=1", "Redis:Configuration is not a valid")]
    [InlineData("password=secret", "Redis:Configuration names no server")]
    public void A_missing_or_unreadable_configuration_is_refused_with_the_setting_named(string? configuration, string expected)
    {
        using var services = Services(new() { ["Storage:Provider"] = "Redis", ["Redis:Configuration"] = configuration });

        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IJobStore>());

        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_redis_provider_the_redis_section_is_not_required_and_no_connection_is_made()
    {
        using var services = Services(new() { ["Storage:Provider"] = "InMemory" });

        Assert.IsType<InMemoryJobStore>(services.GetRequiredService<IJobStore>());
        Assert.Null(services.GetRequiredService<IOptions<RedisOptions>>().Value.Configuration);
    }

    [Fact]
    public async Task The_redis_provider_makes_a_redis_store_with_the_key_prefix_even_while_redis_is_down()
    {
        await using var redis = await RedisServer.StartAsync();
        var configuration = redis.Configuration;
        await redis.StopAsync();
        using var services = Services(new() { ["Storage:Provider"] = "Redis", ["Redis:Configuration"] = configuration, ["Redis:KeyPrefix"] = "shop1:" });

        var store = Assert.IsType<RedisJobStore>(services.GetRequiredService<IJobStore>());

        Assert.Equal("shop1:{aura}:", store.Keys.Base);
        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.GetLastVersionAsync(CancellationToken.None));
        await redis.RestartAsync();
        await Eventually.TrueAsync(() => services.GetRequiredService<StackExchange.Redis.IConnectionMultiplexer>().IsConnected,
            because: "the connection was made once Redis came up");
        Assert.Equal(0, await store.GetLastVersionAsync(CancellationToken.None));
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings) =>
        ServicesOf(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

    private static ServiceProvider ServicesOf(IConfiguration configuration) =>
        new ServiceCollection().AddAuraStorage(configuration).AddAuraRedisStorage(configuration).BuildServiceProvider();
}
