using Aura.Core.Storage;

namespace Aura.Tests.Storage;

// Deletions are recorded (tombstones), so only a recorded deletion lets a sweep remove a job's files.
public abstract partial class JobStoreContract
{
    [Fact]
    public async Task Deleting_a_job_records_its_deletion_until_it_is_forgotten()
    {
        await Store.AddAsync("a");
        await Store.AddAsync("b");

        await Store.DeleteAsync("a", None);

        Assert.Equal(["a"], await Store.ListDeletedAsync(None));
        Assert.True(await Store.ForgetDeletedAsync("a", None));
        Assert.Empty(await Store.ListDeletedAsync(None));
        Assert.False(await Store.ForgetDeletedAsync("a", None));
    }

    [Fact]
    public async Task A_store_records_no_deletion_of_a_job_it_never_had()
    {
        Assert.False(await Store.DeleteAsync("never", None));

        Assert.Empty(await Store.ListDeletedAsync(None));
    }
}
