using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Core.Storage;
using Microsoft.Data.Sqlite;
using static Aura.Tests.Storage.StoredJobs;

namespace Aura.Tests.Storage;

// One principal's jobs are listed through the index jobs_by_owner, on a new file and on one an older build made.
public sealed partial class SqliteJobStoreTests
{
    [Fact]
    public async Task Listing_one_owners_jobs_searches_the_owner_index_in_the_listings_order_and_scans_no_jobs()
    {
        var store = OpenStore();
        await SaveOwnedAsync(store);

        var plan = PlanOf(JobQuery.All(50) with { Owner = "alice", Statuses = [JobStatus.Queued], CreatedBefore = T0.AddDays(1) });

        Assert.Contains(plan, step => step.StartsWith("SEARCH jobs USING INDEX jobs_by_owner", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN jobs", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal)); // no sort: the index is in order
        Assert.Equal(["a2", "a1"], (await store.ListAsync(JobQuery.All() with { Owner = "alice" }, None)).Select(j => j.JobId));
        Assert.Equal(["n1"], (await store.ListAsync(JobQuery.All() with { Owner = JobQuery.DefaultOwner }, None)).Select(j => j.JobId));
    }

    [Fact]
    public async Task A_database_from_before_the_owner_index_gains_it_on_open_and_lists_by_owner_as_before()
    {
        // A version 3 file, as the previous release left it: jobs, and no owner index.
        await SaveOwnedAsync(OpenStore());
        Execute("DROP INDEX jobs_by_owner");
        Execute("PRAGMA user_version = 3");
        Assert.DoesNotContain(PlanOf(JobQuery.All() with { Owner = "alice" }), s => s.Contains("jobs_by_owner", StringComparison.Ordinal));

        var upgraded = OpenStore();

        Assert.Equal(4, Query<long>("PRAGMA user_version"));
        Assert.Equal(1, Query<long>("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'jobs_by_owner'"));
        Assert.Contains(PlanOf(JobQuery.All() with { Owner = "alice" }), s => s.StartsWith("SEARCH jobs USING INDEX jobs_by_owner", StringComparison.Ordinal));
        Assert.Equal(["a2", "a1"], (await upgraded.ListAsync(JobQuery.All() with { Owner = "alice" }, None)).Select(j => j.JobId));
    }

    private static async Task SaveOwnedAsync(IJobStore store)
    {
        await store.SaveAsync(JobStateMachine.NewJob("a1", "c", JobRequest.ForTopic("a"), T0) with { Owner = "alice" }, 0, None);
        await store.SaveAsync(JobStateMachine.NewJob("b1", "c", JobRequest.ForTopic("b"), T0.AddMinutes(1)) with { Owner = "bob" }, 0, None);
        await store.SaveAsync(JobStateMachine.NewJob("a2", "c", JobRequest.ForTopic("a"), T0.AddMinutes(2)) with { Owner = "alice" }, 0, None);
        await store.SaveAsync(JobStateMachine.NewJob("n1", "c", JobRequest.ForTopic("n"), T0.AddMinutes(3)), 0, None);
    }

    /// <summary>The detail of each step of SQLite's plan for the statement the store runs for <paramref name="query"/>.</summary>
    private List<string> PlanOf(JobQuery query)
    {
        var (sql, parameters) = SqliteJobStore.ListStatement(query);
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        var steps = new List<string>();
        while (reader.Read())
            steps.Add(reader.GetString(3));
        return steps;
    }
}
