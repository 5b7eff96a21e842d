using StackExchange.Redis;
using static Aura.Tests.Storage.StoredJobs;

namespace Aura.Tests.Storage;

/// <summary>
/// The Redis store answers an idle stream's poll (the version alone) from its by-version index, without
/// reading the job's JSON: shown by a stored snapshot that could not be deserialized at all.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class RedisVersionReadTests(RedisFixture redis)
{
    [Fact]
    public async Task The_version_is_read_without_the_snapshot()
    {
        var store = redis.NewStore();
        var saved = await store.AddAsync("a");
        await redis.Connection.GetDatabase().HashSetAsync(store.Keys.Jobs, "a", "not a snapshot");

        Assert.Equal(saved.Version, await store.GetVersionAsync("a", CancellationToken.None));
        Assert.Null(await store.GetVersionAsync("b", CancellationToken.None));
    }
}
