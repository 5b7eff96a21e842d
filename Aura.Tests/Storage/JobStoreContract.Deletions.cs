using Aura.Core.Storage;
using static Aura.Tests.Storage.StoredJobs;

namespace Aura.Tests.Storage;

// Deletions are recorded (tombstones), so only a recorded deletion lets a sweep remove a job's files.
public abstract partial class JobStoreContract
{
    [Fact]
    public async Task Deleting_a_job_records_its_deletion_until_it_is_forgotten()
    {
        await Store.AddAsync("a");
        await Store.AddAsync("b");

        await Store.DeleteAsync("a", T0, None);

        Assert.Equal(["a"], await Store.ListDeletedAsync(None));
        Assert.True(await Store.ForgetDeletedAsync("a", None));
        Assert.Empty(await Store.ListDeletedAsync(None));
        Assert.False(await Store.ForgetDeletedAsync("a", None));
    }

    [Fact]
    public async Task A_store_records_no_deletion_of_a_job_it_never_had()
    {
        Assert.False(await Store.DeleteAsync("never", T0, None));

        Assert.Empty(await Store.ListDeletedAsync(None));
    }

    [Fact]
    public async Task A_deletion_takes_the_next_number_and_is_listed_in_order_with_its_time_for_resuming_streams()
    {
        await Store.AddAsync("a");
        await Store.AddAsync("b");
        await Store.AddAsync("c");

        Assert.True(await Store.DeleteAsync("b", T0.AddMinutes(1), None));
        Assert.True(await Store.DeleteAsync("a", T0.AddMinutes(2), None));

        Assert.Equal([new JobDeletion("b", 4, T0.AddMinutes(1)), new JobDeletion("a", 5, T0.AddMinutes(2))],
            await Store.ListDeletionsAfterAsync(0, 10, None));
        Assert.Equal([new JobDeletion("a", 5, T0.AddMinutes(2))], await Store.ListDeletionsAfterAsync(4, 10, None));
        Assert.Equal(["b"], (await Store.ListDeletionsAfterAsync(3, 1, None)).Select(d => d.JobId));
        Assert.Equal(5, await Store.GetLastVersionAsync(None));
    }

    [Fact]
    public async Task A_deletion_whose_files_are_gone_is_still_announced_until_pruned_and_a_pending_one_is_never_pruned()
    {
        await Store.AddAsync("gone");
        await Store.AddAsync("pending");
        await Store.DeleteAsync("gone", T0, None);
        await Store.DeleteAsync("pending", T0, None);

        Assert.True(await Store.ForgetDeletedAsync("gone", None));
        Assert.Equal(["pending"], await Store.ListDeletedAsync(None));
        Assert.Equal(["gone", "pending"], (await Store.ListDeletionsAfterAsync(0, 10, None)).Select(d => d.JobId));

        Assert.Equal(0, await Store.PruneDeletionsAsync(T0, None)); // strictly before: nothing yet
        Assert.Equal(1, await Store.PruneDeletionsAsync(T0.AddDays(30), None));

        Assert.Equal(["pending"], (await Store.ListDeletionsAfterAsync(0, 10, None)).Select(d => d.JobId));
        Assert.Equal(["pending"], await Store.ListDeletedAsync(None));
    }
}
