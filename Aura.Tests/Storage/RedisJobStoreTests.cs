using Aura.Core.Storage;

namespace Aura.Tests.Storage;

/// <summary>The store contract, unchanged, on a real redis-server (each test under its own key prefix).</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisJobStoreTests(RedisFixture redis) : JobStoreContract
{
    protected override IJobStore CreateStore() => redis.NewStore();
}
