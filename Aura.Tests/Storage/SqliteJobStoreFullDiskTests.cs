using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Core.Storage;
using static Aura.Tests.Storage.StoredJobs;

namespace Aura.Tests.Storage;

/// <summary>The SQLite store on a real disk that fills up: SQLITE_FULL becomes one exception type, reads go on, space that returns is used.</summary>
public sealed class SqliteJobStoreFullDiskTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [SmallDiskFact]
    public async Task A_write_on_a_full_disk_is_a_StoreFullException_reads_still_work_and_freed_space_is_used_again()
    {
        using var disk = SmallDisk.Mount(megabytes: 1);
        var space = new StoreSpace();
        using var store = new SqliteJobStore(Path.Combine(disk.Path, "aura.db"), TimeSpan.FromSeconds(5), space);
        var kept = await store.AddAsync("a");

        disk.Fill();
        var refused = await Assert.ThrowsAsync<StoreFullException>(() => store.AddAsync("b"));
        var fullAfterRefusal = space.LastFull;
        var read = await store.GetAsync("a", None);
        var listed = await store.ListAsync(JobQuery.All(), None);
        disk.Free();
        var later = await store.AddAsync("c");

        Assert.Equal(13, Assert.IsType<Microsoft.Data.Sqlite.SqliteException>(refused.InnerException).SqliteErrorCode);
        Assert.NotNull(fullAfterRefusal);
        Assert.Equal(kept.Version, read!.Version);
        Assert.Single(listed);
        Assert.Equal(JobStatus.Queued, later.Status);
        Assert.Null(space.LastFull);
        Assert.Null(await store.GetAsync("b", None));
    }

    [Fact]
    public void A_write_that_failed_for_space_counts_until_a_write_succeeds_or_space_comes_back()
    {
        var space = new StoreSpace();
        using var folder = new TempFolder();
        space.ReportFull(folder.Path);
        var then = space.LastFull!.FreeBytes!.Value;

        Assert.True(space.IsFull(then));
        Assert.True(space.IsFull(then + StoreSpace.RecoveredMargin - 1));
        Assert.False(space.IsFull(then + StoreSpace.RecoveredMargin));
        space.ReportWritten();
        Assert.False(space.IsFull(0));
    }
}
