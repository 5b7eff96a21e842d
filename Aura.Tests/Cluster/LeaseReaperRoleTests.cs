using Aura.Core.Jobs.Redis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Aura.Tests.Cluster;

/// <summary>On Redis, a node with workers runs the lease reaper; an API-only node (<c>Jobs:Workers=0</c>) does not.</summary>
[Collection(RedisCollection.Name)]
public sealed class LeaseReaperRoleTests(RedisFixture redis)
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("1", 1)]
    public async Task The_lease_reaper_runs_on_a_node_with_workers_and_not_on_an_api_only_node(string workers, int reapers)
    {
        using var node = new AuraApplication
        {
            Store = null,
            Settings =
            {
                ["Storage:Provider"] = "Redis",
                ["Redis:Configuration"] = redis.Server.Configuration,
                ["Redis:KeyPrefix"] = RedisFixture.NewPrefix(),
                ["Jobs:Workers"] = workers,
            },
        };
        // The node started: its hosted services are the ones the host ran.
        using var health = await node.Client().GetAsync("/healthz");

        Assert.Equal(reapers, node.Services.GetServices<IHostedService>().OfType<RedisLeaseReaperService>().Count());
    }
}
