using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Core.Storage;
using Microsoft.Data.Sqlite;
using static Aura.Tests.Storage.StoredJobs;

namespace Aura.Tests.Storage;

// What only the file shows: bounded history rows, a truncated WAL, an upgrade of an older file, and bad files.
public sealed partial class SqliteJobStoreTests
{
    private const string MoveAside = "move the file aside";

    [Fact]
    public async Task An_ended_jobs_history_rows_are_bounded_and_the_wal_is_truncated()
    {
        var saved = await SaveLongJobAsync("a", EndIn(JobStatus.Succeeded));

        var rows = Query<long>("SELECT count(*) FROM history WHERE job_id = 'a'");
        var steps = saved.Select(s => (s.Status, s.Stage, s.Attempt)).Distinct().Count();
        Assert.True(rows <= 2 * steps, $"{rows} history rows kept of {saved.Count}, for {steps} steps");
        Assert.Equal(0, new FileInfo(DatabasePath + "-wal").Length);
    }

    [Fact]
    public async Task A_database_from_before_tombstones_is_upgraded_and_its_ended_jobs_histories_compacted()
    {
        // A version 1 file: no tombstone table, and an ended job whose history was never compacted.
        var saved = await SaveLongJobAsync("a", new JobChange.Warned("still running"));
        Execute("UPDATE jobs SET status = 'Succeeded', completed_at = 1 WHERE job_id = 'a'");
        Execute("DROP TABLE deleted_jobs");
        Execute("PRAGMA user_version = 1");
        Assert.Equal(saved.Count, Query<long>("SELECT count(*) FROM history WHERE job_id = 'a'"));

        var upgraded = OpenStore();

        Assert.Equal(4, Query<long>("PRAGMA user_version"));
        Assert.True(Query<long>("SELECT count(*) FROM history WHERE job_id = 'a'") < saved.Count / 5);
        AssertSameJob(saved[^1], await upgraded.GetAsync("a", None));
        Assert.True(await upgraded.DeleteAsync("a", T0, None));
        Assert.Equal(["a"], await upgraded.ListDeletedAsync(None));
    }

    [Fact]
    public void A_file_overwritten_with_other_bytes_is_refused_in_one_line_that_names_it_and_the_remedy()
    {
        File.WriteAllBytes(DatabasePath, Enumerable.Range(0, 8192).Select(i => (byte)(i * 7)).ToArray());

        var refused = Assert.Throws<UnusableDatabaseException>(() => OpenStore());

        AssertOneLine(refused, "is not a SQLite database", MoveAside);
    }

    [Fact]
    public async Task A_truncated_file_is_refused_in_one_line_that_names_it_and_the_remedy()
    {
        var first = OpenStore();
        for (var i = 0; i < 200; i++)
            await first.AddAsync($"job{i}");
        first.Dispose(); // the last connection to close folds the WAL into the file
        Assert.False(File.Exists(DatabasePath + "-wal"));
        using (var file = new FileStream(DatabasePath, FileMode.Open))
            file.SetLength(file.Length / 2);

        var refused = Assert.Throws<UnusableDatabaseException>(() => OpenStore());

        AssertOneLine(refused, "is damaged", MoveAside);
    }

    [Fact]
    public async Task A_read_only_file_is_refused_in_one_line_that_says_to_make_it_writable()
    {
        var first = OpenStore();
        await first.AddAsync("a");
        first.Dispose();
        using var unwritable = new UnwritableFile(DatabasePath);

        var refused = Assert.Throws<UnusableDatabaseException>(() => OpenStore());

        AssertOneLine(refused, "is read-only", "writable");
    }

    [Fact]
    public void A_file_held_by_another_process_is_refused_in_one_line_that_says_to_stop_it()
    {
        OpenStore().Dispose();
        using var other = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        other.Open();
        using var holding = other.BeginTransaction(System.Data.IsolationLevel.Serializable, deferred: false);

        var refused = Assert.Throws<UnusableDatabaseException>(() => new SqliteJobStore(DatabasePath, TimeSpan.FromSeconds(1)));

        AssertOneLine(refused, "is locked by another process", "Stop the other program");
    }

    [Fact]
    public void A_folder_where_the_file_should_be_is_refused_in_one_line()
    {
        Directory.CreateDirectory(DatabasePath);

        var refused = Assert.Throws<UnusableDatabaseException>(() => OpenStore());

        AssertOneLine(refused, "cannot be opened", "not a folder");
    }

    private void AssertOneLine(UnusableDatabaseException refused, string problem, string remedy)
    {
        Assert.DoesNotContain('\n', refused.Message);
        Assert.Contains(DatabasePath, refused.Message);
        Assert.Contains(problem, refused.Message);
        Assert.Contains(remedy, refused.Message, StringComparison.OrdinalIgnoreCase);
    }
}
