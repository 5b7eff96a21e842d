using Aura.Core.Storage.Redis;
using StackExchange.Redis;

namespace Aura.Tests.Support;

/// <summary>
/// One <c>redis-server</c> (fast, no persistence) and one connection shared by the tests of
/// <see cref="RedisCollection"/>; each test keeps its keys under a prefix of its own
/// (<see cref="NewStore"/>), so tests never see each other's jobs and need no flush.
/// </summary>
public sealed class RedisFixture : IAsyncLifetime
{
    private RedisServer? _server;
    private ConnectionMultiplexer? _connection;

    public RedisServer Server => _server ?? throw new InvalidOperationException("the fixture has not started");

    public IConnectionMultiplexer Connection => _connection ?? throw new InvalidOperationException("the fixture has not started");

    /// <summary>A store on the shared server under a fresh key prefix: empty, and this test's alone.</summary>
    public RedisJobStore NewStore() => new(Connection, NewPrefix());

    public static string NewPrefix() => $"test-{Guid.NewGuid():N}:";

    public async Task InitializeAsync()
    {
        _server = await RedisServer.StartAsync();
        _connection = await ConnectionMultiplexer.ConnectAsync(_server.Configuration);
    }

    public async Task DisposeAsync()
    {
        if (_connection is not null)
            await _connection.DisposeAsync();
        if (_server is not null)
            await _server.DisposeAsync();
    }
}
