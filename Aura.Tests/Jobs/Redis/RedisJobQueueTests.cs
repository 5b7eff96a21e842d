using System.Collections.Concurrent;
using Aura.Core.Jobs;
using Aura.Tests.Support;
using static Aura.Tests.Jobs.Redis.RedisQueueNodes;

namespace Aura.Tests.Jobs.Redis;

/// <summary>The Redis queue as two nodes use it: claims, capacity, leases, their renewal and the reaper, with 1 s leases.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisJobQueueTests(RedisFixture redis)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Two_nodes_claiming_at_once_never_hand_out_one_job_twice()
    {
        await using var nodes = await StartAsync(redis, leaseSeconds: 30);
        var ids = Enumerable.Range(0, 60).Select(i => $"job-{i}").ToList();
        for (var i = 0; i < ids.Count; i++)
            await AddAsync(i % 2 == 0 ? nodes.A : nodes.B, ids[i]);
        var claimed = new ConcurrentBag<string>();

        await Task.WhenAll(new[] { nodes.A, nodes.B }.SelectMany(queue => Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (await queue.TryClaimAsync(None) is { } claim)
            {
                claimed.Add(claim.JobId);
                await queue.CompleteAsync(claim, JobClaimEnd.Ended, None);
            }
        }))));

        Assert.Equal(ids.Order(), claimed.Order());
        Assert.Equal(0, await nodes.B.CountWaitingAsync(None));
    }

    [Fact]
    public async Task The_queue_capacity_holds_across_nodes_and_a_claim_frees_a_place_for_either()
    {
        await using var nodes = await StartAsync(redis, capacity: 3);

        Assert.True(await nodes.A.TryReserveAsync("j1", None));
        Assert.True(await nodes.A.TryReserveAsync("j2", None));
        Assert.True(await nodes.B.TryReserveAsync("j3", None));
        Assert.False(await nodes.B.TryReserveAsync("j4", None));
        Assert.False(await nodes.A.TryReserveAsync("j4", None));
        Assert.Equal(3, await nodes.B.CountWaitingAsync(None));

        await nodes.A.EnqueueAsync("j1", None);
        var claim = await nodes.B.ClaimAsync(None);
        Assert.Equal("j1", claim.JobId);
        Assert.True(await nodes.A.TryReserveAsync("j4", None));
        Assert.False(await nodes.B.TryReserveAsync("j5", None));
        await nodes.B.ReleaseAsync("j2", None);
        Assert.True(await nodes.B.TryReserveAsync("j5", None));
    }

    [Fact]
    public async Task A_waiting_worker_is_handed_a_job_enqueued_on_the_other_node()
    {
        await using var nodes = await StartAsync(redis);
        var waiting = nodes.B.ClaimAsync(None);

        await AddAsync(nodes.A, "j1");

        Assert.Equal("j1", (await waiting.WaitAsync(Patience)).JobId);
    }

    [Fact]
    public async Task A_lease_renewed_through_a_run_many_lease_times_long_is_never_reaped()
    {
        await using var nodes = await StartAsync(redis, leaseSeconds: 2);
        await AddAsync(nodes.A, "long");
        var claim = (await nodes.A.TryClaimAsync(None))!;
        var reaper = nodes.Reaper(nodes.Second);

        // Six lease times with the other node reaping all along: the renewals keep the job this worker's.
        var until = DateTime.UtcNow + 6 * nodes.Options.LeaseTimeout;
        while (DateTime.UtcNow < until)
        {
            Assert.DoesNotContain("long", await reaper.TryReapAsync() ?? []);
            Assert.Null(await nodes.B.TryClaimAsync(None));
            await Task.Delay(100);
        }

        Assert.False(claim.Lost.IsCancellationRequested);
        await nodes.A.CompleteAsync(claim, JobClaimEnd.Ended, None);
        Assert.Null(await nodes.B.TryClaimAsync(None));
    }

    [Fact]
    public async Task A_paused_worker_loses_its_job_to_the_reaper_and_the_other_node_and_completing_its_stale_claim_changes_nothing()
    {
        await using var nodes = await StartAsync(redis);
        await AddAsync(nodes.A, "j1");
        var paused = (await nodes.A.TryClaimAsync(None))!;

        nodes.A.Dispose(); // its renewals stop, as in a frozen process
        await FiredAsync(paused.Lost);
        await nodes.ReapAsync("j1");
        var taken = (await nodes.B.TryClaimAsync(None))!;
        await nodes.A.CompleteAsync(paused, JobClaimEnd.Interrupted, None);

        Assert.Equal("j1", taken.JobId);
        Assert.NotEqual(paused.Token, taken.Token);
        Assert.Null(await nodes.B.TryClaimAsync(None)); // the stale Interrupted put nothing back in line
        Assert.Equal(taken.Token, (string?)await nodes.First.GetDatabase().HashGetAsync(nodes.Keys.Leases, "j1"));
        Assert.False(taken.Lost.IsCancellationRequested);
    }

    [Fact]
    public async Task A_renewal_that_finds_its_lease_gone_fires_lost()
    {
        // A lease longer than the wait: Lost can only come from the renewal (every 30 s), not from the lease's end.
        await using var nodes = await StartAsync(redis, leaseSeconds: 90);
        await AddAsync(nodes.A, "j1");
        var claim = (await nodes.A.TryClaimAsync(None))!;

        // As if the reaper had taken it while this worker was cut off, and it came back in time to renew.
        await nodes.First.GetDatabase().HashDeleteAsync(nodes.Keys.Leases, "j1");

        await FiredAsync(claim.Lost);
    }

    [Fact]
    public async Task An_interrupted_claim_puts_its_job_back_in_line_for_the_other_node_and_an_ended_one_does_not()
    {
        await using var nodes = await StartAsync(redis, leaseSeconds: 30);
        await AddAsync(nodes.A, "j1");

        var first = (await nodes.A.TryClaimAsync(None))!;
        await nodes.A.CompleteAsync(first, JobClaimEnd.Interrupted, None);
        var second = (await nodes.B.TryClaimAsync(None))!;
        await nodes.B.CompleteAsync(second, JobClaimEnd.Ended, None);

        Assert.Equal("j1", second.JobId);
        Assert.NotEqual(first.Token, second.Token);
        Assert.Null(await nodes.A.TryClaimAsync(None));
        Assert.Equal(0, await nodes.A.CountWaitingAsync(None));
    }

    [Fact]
    public async Task The_reaper_lock_admits_one_reaper_at_a_time()
    {
        await using var nodes = await StartAsync(redis);
        await AddAsync(nodes.A, "j1");
        var paused = (await nodes.A.TryClaimAsync(None))!;
        nodes.A.Dispose();
        await FiredAsync(paused.Lost);
        await Task.Delay(nodes.Options.LeaseTimeout); // past Redis's deadline too: the lease is there to reap
        var first = nodes.Reaper(nodes.First);
        var second = nodes.Reaper(nodes.Second);

        var held = await first.TryLockAsync();
        var refused = await second.TryReapAsync();
        var leasesWhileHeld = await nodes.First.GetDatabase().SortedSetLengthAsync(nodes.Keys.LeaseDeadlines);
        await first.UnlockAsync(held!);
        var reaped = await second.TryReapAsync();

        Assert.NotNull(held);
        Assert.Null(refused);
        Assert.Equal(1, leasesWhileHeld);
        Assert.Equal(["j1"], reaped!);
    }

    [Fact]
    public async Task Requeue_at_start_leaves_a_job_under_a_live_lease_alone_and_puts_back_one_whose_lease_ran_out()
    {
        await using var nodes = await StartAsync(redis);
        await AddAsync(nodes.A, "j1");
        var held = (await nodes.A.TryClaimAsync(None))!;

        await nodes.B.RequeueAsync("j1", None);
        var waitingWhileHeld = await nodes.B.CountWaitingAsync(None);
        var claimedWhileHeld = await nodes.B.TryClaimAsync(None);
        nodes.A.Dispose();
        await FiredAsync(held.Lost);
        await Task.Delay(nodes.Options.LeaseTimeout);
        await nodes.B.RequeueAsync("j1", None);
        var after = await nodes.B.TryClaimAsync(None);

        Assert.Equal(0, waitingWhileHeld);
        Assert.Null(claimedWhileHeld);
        Assert.Equal("j1", after?.JobId);
    }
}
