using Aura.Core.Kernel;
using static Aura.Tests.Storage.StoredJobs;

namespace Aura.Tests.Storage;

// The version alone: what an idle event stream's poll asks (IJobStore.GetVersionAsync).
public abstract partial class JobStoreContract
{
    [Fact]
    public async Task The_version_alone_follows_the_job_and_is_null_for_no_job_or_a_deleted_one()
    {
        Assert.Null(await Store.GetVersionAsync("a", None));
        var first = await Store.AddAsync("a");
        await Store.AddAsync("b");
        Assert.Equal(first.Version, await Store.GetVersionAsync("a", None));

        var next = await Store.NextAsync(first, j => j with { Message = "moved on" });

        Assert.Equal(next.Version, await Store.GetVersionAsync("a", None));
        Assert.Equal((await Store.GetAsync("b", None))!.Version, await Store.GetVersionAsync("b", None));
        await Store.DeleteAsync("a", T0.AddSeconds(2), None);
        Assert.Null(await Store.GetVersionAsync("a", None));
    }
}
