using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Core.Storage;
using Microsoft.Data.Sqlite;
using static Aura.Tests.Storage.StoredJobs;

namespace Aura.Tests.Storage;

/// <summary>The store contract on a real SQLite file, plus what only a file can show: durability and atomicity.</summary>
public sealed partial class SqliteJobStoreTests : JobStoreContract
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TempFolder _folder = new();
    private readonly List<SqliteJobStore> _opened = [];

    private string DatabasePath => _folder.File("aura.db");

    protected override IJobStore CreateStore() => OpenStore();

    /// <summary>A new store instance on this test's file, as a restarted process would make.</summary>
    private SqliteJobStore OpenStore()
    {
        var store = new SqliteJobStore(DatabasePath, TimeSpan.FromSeconds(5));
        _opened.Add(store);
        return store;
    }

    public override void Dispose()
    {
        foreach (var store in _opened)
            store.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task The_sequence_continues_in_a_new_store_on_the_same_file_even_after_the_newest_job_was_deleted()
    {
        var first = OpenStore();
        await first.AddAsync("a");
        await first.AddAsync("b");
        await first.DeleteAsync("b", T0, None);
        first.Dispose();

        var reopened = OpenStore();
        var c = await reopened.AddAsync("c");

        Assert.Equal(4, c.Version); // the deletion took number 3
        Assert.Equal(4, await reopened.GetLastVersionAsync(None));
    }

    [Fact]
    public async Task Jobs_their_history_and_idempotency_keys_survive_a_new_store_instance()
    {
        var first = OpenStore();
        var v1 = await first.AddAsync("a");
        var v2 = await first.NextAsync(v1, j => j with { Status = JobStatus.Running, Percent = 20 });
        await first.ClaimIdempotencyKeyAsync(new IdempotencyKey("k", "hash", "a", T0.AddHours(1)), T0, None);
        first.Dispose();

        var reopened = OpenStore();

        AssertSameJob(v2, await reopened.GetAsync("a", None));
        AssertSameJob(v1, await reopened.GetAsOfAsync("a", 1, None));
        Assert.Equal("a", Assert.Single(await reopened.ListAsync(JobQuery.InStatus(JobStatus.Running), None)).JobId);
        Assert.False((await reopened.ClaimIdempotencyKeyAsync(new IdempotencyKey("k", "hash", "b", T0.AddHours(1)), T0, None)).Won);
    }

    [Fact]
    public async Task Two_store_instances_on_one_file_as_two_processes_would_still_share_one_sequence_and_one_claim()
    {
        var stores = new[] { OpenStore(), OpenStore() };

        var saved = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => stores[i % 2].AddAsync($"job{i}"))));
        var claims = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            Task.Run(() => stores[i % 2].ClaimIdempotencyKeyAsync(new IdempotencyKey("k", "hash", $"job{i}", T0.AddHours(1)), T0, None))));

        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), saved.Select(j => j.Version).Order());
        Assert.Single(claims, c => c.Won);
    }

    [Fact]
    public void The_database_is_in_write_ahead_logging_mode()
    {
        _ = Store;

        // A connection of its own, not the store's: WAL is a property of the file once set.
        Assert.Equal("wal", Query<string>("PRAGMA journal_mode"));
    }

    [Fact]
    public async Task A_conflicting_save_leaves_no_history_row_and_uses_up_no_number()
    {
        var v1 = await Store.AddAsync("a");
        await Store.NextAsync(v1, j => j with { Percent = 5 });

        await Assert.ThrowsAsync<JobStoreConflictException>(() => Store.SaveAsync(v1 with { Percent = 9 }, v1.Version, None));

        Assert.Equal(2, await Store.GetLastVersionAsync(None));
        Assert.Equal(2, Query<long>("SELECT count(*) FROM history WHERE job_id = 'a'"));
        Assert.Equal(3, (await Store.AddAsync("b")).Version);
    }

    [Fact]
    public async Task A_save_that_fails_after_taking_a_number_rolls_back_the_number_and_the_job_row()
    {
        var v1 = await Store.AddAsync("a");
        // A stray history row at the next number makes the save's last insert fail, after the sequence and job row were written.
        Execute("INSERT INTO history (job_id, version, snapshot) VALUES ('a', 2, '{}')");

        await Assert.ThrowsAsync<SqliteException>(() => Store.SaveAsync(v1 with { Percent = 9 }, v1.Version, None));

        Assert.Equal(1, await Store.GetLastVersionAsync(None));
        AssertSameJob(v1, await Store.GetAsync("a", None));
    }

    [Fact]
    public void A_file_with_a_newer_schema_than_this_build_knows_is_refused()
    {
        _ = Store;
        Execute("PRAGMA user_version = 999");

        var refused = Assert.Throws<UnusableDatabaseException>(() => OpenStore());

        Assert.Contains("schema version 999", refused.Message);
        Assert.Contains(DatabasePath, refused.Message);
    }

    private T Query<T>(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)command.ExecuteScalar()!;
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
