using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Core.Storage;
using static Aura.Tests.Storage.StoredJobs;

namespace Aura.Tests.Storage;

// Lists: newest first with filters and paging, changed-after, and the retention listing.
public abstract partial class JobStoreContract
{
    [Fact]
    public async Task Jobs_are_listed_newest_first_by_creation_and_by_id_descending_at_equal_times()
    {
        await Store.AddAsync("old", T0);
        await Store.AddAsync("new", T0.AddMinutes(2));
        await Store.AddAsync("tie-a", T0.AddMinutes(1));
        await Store.AddAsync("tie-b", T0.AddMinutes(1));

        var jobs = await Store.ListAsync(JobQuery.All(), None);

        Assert.Equal(["new", "tie-b", "tie-a", "old"], jobs.Select(j => j.JobId));
    }

    [Fact]
    public async Task A_list_shows_each_job_in_its_newest_state_and_only_in_the_statuses_asked_for()
    {
        var running = await Store.AddAsync("running", T0);
        running = await Store.NextAsync(running, j => j with { Status = JobStatus.Running });
        var failed = await Store.AddAsync("failed", T0.AddMinutes(1));
        await Store.NextAsync(failed, j => Ended(j, JobStatus.Failed, T0.AddMinutes(2)));
        await Store.AddAsync("queued", T0.AddMinutes(3));

        var unfinished = await Store.ListAsync(JobQuery.InStatus(JobStatus.Queued, JobStatus.Running), None);
        var ended = await Store.ListAsync(JobQuery.InStatus(JobStatus.Failed), None);

        Assert.Equal(["queued", "running"], unfinished.Select(j => j.JobId));
        AssertSameJob(running, unfinished[1]);
        Assert.Equal(JobStatus.Failed, Assert.Single(ended).Status);
    }

    [Fact]
    public async Task Pages_of_a_list_follow_one_another_by_created_before_and_limit()
    {
        for (var i = 0; i < 5; i++)
            await Store.AddAsync($"job{i}", T0.AddMinutes(i));

        var first = await Store.ListAsync(new JobQuery([], null, 2), None);
        var second = await Store.ListAsync(new JobQuery([], first[^1].CreatedAt, 2), None);
        var last = await Store.ListAsync(new JobQuery([], second[^1].CreatedAt, 2), None);

        Assert.Equal(["job4", "job3"], first.Select(j => j.JobId));
        Assert.Equal(["job2", "job1"], second.Select(j => j.JobId));
        Assert.Equal(["job0"], last.Select(j => j.JobId));
        Assert.Empty(await Store.ListAsync(new JobQuery([], null, 0), None));
    }

    [Fact]
    public async Task Jobs_changed_after_a_version_come_in_version_order_in_their_newest_state()
    {
        var a = await Store.AddAsync("a");
        var b = await Store.AddAsync("b");
        await Store.AddAsync("c");
        var a4 = await Store.NextAsync(a, j => j with { Percent = 4 });
        var b5 = await Store.NextAsync(b, j => j with { Percent = 5 });

        var changed = await Store.ListChangedAfterAsync(2, 10, None);
        var limited = await Store.ListChangedAfterAsync(0, 2, None);

        Assert.Equal(["c", "a", "b"], changed.Select(j => j.JobId));
        Assert.Equal([3L, 4L, 5L], changed.Select(j => j.Version));
        AssertSameJob(a4, changed[1]);
        AssertSameJob(b5, changed[2]);
        Assert.Equal(["c", "a"], limited.Select(j => j.JobId));
        Assert.Empty(await Store.ListChangedAfterAsync(5, 10, None));
    }

    [Fact]
    public async Task Retention_lists_only_terminal_jobs_that_ended_before_the_cutoff_longest_ended_first()
    {
        foreach (var (id, status, endedMinute) in new[]
        {
            ("canceled-at-3", JobStatus.Canceled, 3), ("succeeded-at-1", JobStatus.Succeeded, 1),
            ("failed-at-2", JobStatus.Failed, 2), ("succeeded-at-9", JobStatus.Succeeded, 9),
        })
        {
            var job = await Store.AddAsync(id);
            await Store.NextAsync(job, j => Ended(j, status, T0.AddMinutes(endedMinute)));
        }
        var running = await Store.AddAsync("running");
        await Store.NextAsync(running, j => j with { Status = JobStatus.Running, UpdatedAt = T0 });

        var old = await Store.ListTerminalBeforeAsync(T0.AddMinutes(5), 10, None);
        var oldest = await Store.ListTerminalBeforeAsync(T0.AddMinutes(5), 2, None);
        var exactlyAtCutoff = await Store.ListTerminalBeforeAsync(T0.AddMinutes(1), 10, None);

        Assert.Equal(["succeeded-at-1", "failed-at-2", "canceled-at-3"], old.Select(j => j.JobId));
        Assert.Equal(["succeeded-at-1", "failed-at-2"], oldest.Select(j => j.JobId));
        Assert.Empty(exactlyAtCutoff);
    }
}
