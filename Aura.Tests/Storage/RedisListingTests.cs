using Aura.Core.Kernel;
using Aura.Core.Storage;
using static Aura.Tests.Storage.StoredJobs;

namespace Aura.Tests.Storage;

/// <summary>
/// Lists on Redis read per-owner and per-status indexes instead of scanning every job: each index
/// must give what the plain filter over all jobs gives, in the same order, as a job moves between them.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class RedisListingTests(RedisFixture redis)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Owner_and_status_filters_and_their_combinations_list_what_a_plain_filter_would_in_the_same_order()
    {
        var store = redis.NewStore();
        var saved = new Dictionary<string, JobSnapshot>();
        string[] owners = ["alice", "bob", JobQuery.DefaultOwner];
        for (var i = 0; i < 24; i++)
        {
            var owner = owners[i % 3];
            // Equal creation times in pairs, so the order by id descending is exercised as well.
            var job = await store.SaveAsync(New($"job-{i:D2}", T0.AddMinutes(i / 2)) with { Owner = owner == JobQuery.DefaultOwner ? null : owner }, 0, None);
            job = (i % 4) switch
            {
                0 => job,
                1 => await store.NextAsync(job, j => j with { Status = JobStatus.Running }),
                2 => await store.NextAsync(await store.NextAsync(job, j => j with { Status = JobStatus.Running }),
                    j => Ended(j, JobStatus.Succeeded, T0.AddHours(1))),
                _ => await store.NextAsync(job, j => Ended(j, JobStatus.Canceled, T0.AddHours(2))),
            };
            saved[job.JobId] = job;
        }
        var all = saved.Values.OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.JobId, StringComparer.Ordinal).ToList();

        foreach (var owner in new string?[] { null, "alice", JobQuery.DefaultOwner, "nobody" })
        foreach (var statuses in new JobStatus[][] { [], [JobStatus.Running], [JobStatus.Queued, JobStatus.Succeeded, JobStatus.Canceled] })
        foreach (var (before, limit) in new (DateTimeOffset?, int)[] { (null, int.MaxValue), (T0.AddMinutes(7), 3) })
        {
            var query = new JobQuery(statuses, before, limit, owner);
            var expected = all.Where(j => (statuses.Length == 0 || statuses.Contains(j.Status)) && query.IsOwnedBy(j)
                    && (before is null || j.CreatedAt < before))
                .Take(limit).Select(j => j.JobId).ToList();

            var listed = await store.ListAsync(query, None);

            Assert.Equal(expected, listed.Select(j => j.JobId).ToList());
            Assert.All(listed, j => AssertSameJob(saved[j.JobId], j));
        }
        Assert.Equal(new Dictionary<JobStatus, int> { [JobStatus.Queued] = 6, [JobStatus.Running] = 6, [JobStatus.Succeeded] = 6, [JobStatus.Canceled] = 6 },
            await store.CountByStatusAsync(None));
    }

    [Fact]
    public async Task A_deleted_job_leaves_every_index_and_count()
    {
        var store = redis.NewStore();
        var a = await store.SaveAsync(New("a") with { Owner = "alice" }, 0, None);
        await store.NextAsync(a, j => Ended(j, JobStatus.Failed, T0.AddMinutes(1)));
        await store.AddAsync("b");

        await store.DeleteAsync("a", T0.AddMinutes(2), None);

        Assert.Empty(await store.ListAsync(JobQuery.All() with { Owner = "alice" }, None));
        Assert.Empty(await store.ListAsync(JobQuery.InStatus(JobStatus.Failed), None));
        Assert.Empty(await store.ListTerminalBeforeAsync(T0.AddDays(1), 10, None));
        Assert.Equal(["b"], (await store.ListChangedAfterAsync(0, 10, None)).Select(j => j.JobId));
        Assert.Equal(new Dictionary<JobStatus, int> { [JobStatus.Queued] = 1 }, await store.CountByStatusAsync(None));
    }
}
