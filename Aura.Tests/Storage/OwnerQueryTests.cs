using Aura.Core.Kernel;
using Aura.Core.Jobs;
using Aura.Core.Storage;

namespace Aura.Tests.Storage;

/// <summary>The SQLite store lists one owner's jobs, counting jobs stored without an owner as the local principal's.</summary>
public sealed class OwnerQueryTests
{
    [Fact]
    public async Task Listing_by_owner_keeps_to_that_owner_and_ownerless_jobs_are_locals()
    {
        using var app = new AuraApplication { Store = null };
        using var client = app.Client();
        var store = (IJobStore)app.Services.GetService(typeof(IJobStore))!;
        Assert.IsType<SqliteJobStore>(store);
        var now = DateTimeOffset.UtcNow;
        await store.SaveAsync(JobStateMachine.NewJob("a1", "c", JobRequest.ForTopic("a"), now) with { Owner = "alice" }, 0, CancellationToken.None);
        await store.SaveAsync(JobStateMachine.NewJob("b1", "c", JobRequest.ForTopic("b"), now) with { Owner = "bob" }, 0, CancellationToken.None);
        await store.SaveAsync(JobStateMachine.NewJob("n1", "c", JobRequest.ForTopic("n"), now), 0, CancellationToken.None);

        Assert.Equal(["a1"], (await store.ListAsync(JobQuery.All() with { Owner = "alice" }, CancellationToken.None)).Select(j => j.JobId));
        Assert.Equal(["n1"], (await store.ListAsync(JobQuery.All() with { Owner = "local" }, CancellationToken.None)).Select(j => j.JobId));
        Assert.Equal(3, (await store.ListAsync(JobQuery.All(), CancellationToken.None)).Count);
        Assert.Equal("alice", (await store.GetAsync("a1", CancellationToken.None))!.Owner);
    }
}
