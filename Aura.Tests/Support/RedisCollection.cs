namespace Aura.Tests.Support;

/// <summary>The tests that share one <see cref="RedisFixture"/> server.</summary>
[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisFixture>
{
    public const string Name = "Redis";
}
