using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Core.Storage;
using static Aura.Tests.Storage.StoredJobs;

namespace Aura.Tests.Storage;

/// <summary>
/// What every <see cref="IJobStore"/> must do. Each store runs these through a small subclass
/// that says how to make a fresh, empty store; xunit makes a new instance for every test.
/// </summary>
public abstract partial class JobStoreContract : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    // Lazy, not ??=: tests touch the store first from several threads at once.
    private readonly Lazy<IJobStore> _store;

    protected JobStoreContract() => _store = new Lazy<IJobStore>(CreateStore);

    protected IJobStore Store => _store.Value;

    protected abstract IJobStore CreateStore();

    public virtual void Dispose()
    {
        if (_store.IsValueCreated)
            (_store.Value as IDisposable)?.Dispose();
    }

    [Fact]
    public async Task A_saved_job_is_read_back_with_the_version_it_was_given()
    {
        var saved = await Store.AddAsync("a");

        var read = await Store.GetAsync("a", None);

        Assert.Equal(1, saved.Version);
        AssertSameJob(saved, read);
        Assert.Equal(1, await Store.GetLastVersionAsync(None));
    }

    [Fact]
    public async Task An_unknown_job_reads_as_null_and_an_empty_store_has_issued_no_version()
    {
        Assert.Null(await Store.GetAsync("nope", None));
        Assert.Equal(0, await Store.GetLastVersionAsync(None));
    }

    [Fact]
    public async Task Every_save_of_any_job_takes_the_next_number_of_one_sequence()
    {
        var a1 = await Store.AddAsync("a");
        var b1 = await Store.AddAsync("b");
        var a2 = await Store.NextAsync(a1, j => j with { Percent = 5 });

        Assert.Equal([1L, 2L, 3L], [a1.Version, b1.Version, a2.Version]);
        Assert.Equal(5, (await Store.GetAsync("a", None))!.Percent);
        Assert.Equal(3, await Store.GetLastVersionAsync(None));
    }

    [Fact]
    public async Task A_save_from_a_stale_version_is_a_conflict_and_changes_nothing()
    {
        var v1 = await Store.AddAsync("a");
        var v2 = await Store.NextAsync(v1, j => j with { Percent = 5 });

        var conflict = await Assert.ThrowsAsync<JobStoreConflictException>(() => Store.SaveAsync(v1 with { Percent = 7 }, v1.Version, None));

        Assert.Equal(("a", v1.Version, v2.Version), (conflict.JobId, conflict.ExpectedVersion, conflict.ActualVersion));
        AssertSameJob(v2, await Store.GetAsync("a", None));
        Assert.Equal(v2.Version, await Store.GetLastVersionAsync(None));
    }

    [Fact]
    public async Task Creating_a_job_whose_id_is_taken_or_updating_one_that_is_not_stored_is_a_conflict()
    {
        await Store.AddAsync("a");

        await Assert.ThrowsAsync<JobStoreConflictException>(() => Store.SaveAsync(New("a"), 0, None));
        var unknown = await Assert.ThrowsAsync<JobStoreConflictException>(() => Store.SaveAsync(New("b"), 1, None));

        Assert.Equal(0, unknown.ActualVersion);
        Assert.Null(await Store.GetAsync("b", None));
    }

    [Fact]
    public async Task A_conflict_or_a_canceled_token_comes_back_in_the_returned_task_and_nothing_is_written()
    {
        await Store.AddAsync("a");

        var conflict = Store.SaveAsync(New("a"), 0, None);
        var canceled = Store.SaveAsync(New("b"), 0, new CancellationToken(canceled: true));

        await Assert.ThrowsAsync<JobStoreConflictException>(() => conflict);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => canceled);
        Assert.True(canceled.IsCanceled);
        Assert.Null(await Store.GetAsync("b", None));
        Assert.Equal(1, await Store.GetLastVersionAsync(None));
    }

    [Fact]
    public async Task Concurrent_saves_of_different_jobs_get_unique_numbers_that_rise_for_each_job()
    {
        const int jobs = 6, savesPerJob = 15;

        var versionsPerJob = await Task.WhenAll(Enumerable.Range(0, jobs).Select(j => Task.Run(async () =>
        {
            var job = await Store.AddAsync($"job{j}");
            var versions = new List<long> { job.Version };
            for (var i = 1; i < savesPerJob; i++)
            {
                job = await Store.NextAsync(job, s => s with { Percent = s.Percent + 1 });
                versions.Add(job.Version);
            }
            return versions;
        })));

        var all = versionsPerJob.SelectMany(v => v).ToList();
        Assert.Equal(Enumerable.Range(1, jobs * savesPerJob).Select(i => (long)i), all.Order());
        Assert.All(versionsPerJob, versions => Assert.Equal(versions.Order(), versions));
        Assert.Equal(jobs * savesPerJob, await Store.GetLastVersionAsync(None));
    }

    [Fact]
    public async Task Of_concurrent_saves_of_one_job_from_the_same_version_exactly_one_wins()
    {
        var v1 = await Store.AddAsync("a");

        var attempts = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => Task.Run(async () =>
        {
            try
            {
                return (Job: await Store.SaveAsync(v1 with { Percent = i }, v1.Version, None), Conflict: false);
            }
            catch (JobStoreConflictException)
            {
                return (Job: (JobSnapshot?)null, Conflict: true);
            }
        })));

        var winner = Assert.Single(attempts, a => !a.Conflict).Job;
        Assert.Equal(7, attempts.Count(a => a.Conflict));
        AssertSameJob(winner, await Store.GetAsync("a", None));
        Assert.Equal(2, await Store.GetLastVersionAsync(None));
    }

    [Fact]
    public async Task As_of_a_version_a_job_reads_as_its_latest_state_at_or_before_it()
    {
        await Store.AddAsync("other");
        var v2 = await Store.AddAsync("a");
        await Store.AddAsync("other2");
        var v4 = await Store.NextAsync(v2, j => j with { Percent = 10 });

        AssertSameJob(v2, await Store.GetAsOfAsync("a", 2, None));
        AssertSameJob(v2, await Store.GetAsOfAsync("a", 3, None));
        AssertSameJob(v4, await Store.GetAsOfAsync("a", 4, None));
        AssertSameJob(v4, await Store.GetAsOfAsync("a", 99, None));
    }

    [Fact]
    public async Task As_of_a_version_before_the_job_existed_or_of_an_unknown_job_there_is_nothing()
    {
        await Store.AddAsync("other");
        await Store.AddAsync("a");

        Assert.Null(await Store.GetAsOfAsync("a", 1, None));
        Assert.Null(await Store.GetAsOfAsync("a", 0, None));
        Assert.Null(await Store.GetAsOfAsync("unknown", 2, None));
    }

    [Fact]
    public async Task Deleting_a_job_removes_it_and_its_history_but_never_lowers_the_sequence()
    {
        var a = await Store.AddAsync("a");
        await Store.NextAsync(a, j => j with { Percent = 3 });

        Assert.True(await Store.DeleteAsync("a", T0, None));

        Assert.Null(await Store.GetAsync("a", None));
        Assert.Null(await Store.GetAsOfAsync("a", 1, None));
        Assert.False(await Store.DeleteAsync("a", T0, None));
        Assert.Equal(3, await Store.GetLastVersionAsync(None)); // the deletion took number 3
        Assert.Equal(4, (await Store.AddAsync("b")).Version);
    }
}
