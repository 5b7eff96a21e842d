using Aura.Core.Jobs;
using Aura.Core.Jobs.Redis;
using Aura.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Aura.Tests.Jobs.Redis;

/// <summary>
/// Two nodes on the shared test Redis: each its own connection (as two processes have) and queue, under
/// one key prefix of this test's own; short real leases. Disposed: both queues and the second connection.
/// </summary>
public sealed class RedisQueueNodes : IAsyncDisposable
{
    private readonly ConnectionMultiplexer _second;

    private RedisQueueNodes(RedisFixture redis, ConnectionMultiplexer second, JobRunnerOptions options)
    {
        _second = second;
        Options = options;
        Prefix = RedisFixture.NewPrefix();
        First = redis.Connection;
        Second = second;
        A = new RedisJobQueue(First, Prefix, options, NullLogger<RedisJobQueue>.Instance);
        B = new RedisJobQueue(Second, Prefix, options, NullLogger<RedisJobQueue>.Instance);
    }

    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public JobRunnerOptions Options { get; }

    public string Prefix { get; }

    public IConnectionMultiplexer First { get; }

    public IConnectionMultiplexer Second { get; }

    public RedisJobQueue A { get; }

    public RedisJobQueue B { get; }

    public Core.Storage.Redis.RedisKeys Keys => new(Prefix);

    public static async Task<RedisQueueNodes> StartAsync(RedisFixture redis, int capacity = 100, double leaseSeconds = 1, int maxAttempts = 2) =>
        new(redis, await ConnectionMultiplexer.ConnectAsync(redis.Server.Configuration), new JobRunnerOptions
        {
            QueueCapacity = capacity, LeaseTimeout = TimeSpan.FromSeconds(leaseSeconds), MaxAttempts = maxAttempts, Workers = 1,
        });

    /// <summary>A reaper on <paramref name="connection"/> (the first node's when null).</summary>
    public RedisLeaseReaper Reaper(IConnectionMultiplexer? connection = null) => new(connection ?? First, Prefix, Options.LeaseTimeout);

    /// <summary>Reaps from the second node until <paramref name="jobId"/> is put back in line.</summary>
    public async Task ReapAsync(string jobId)
    {
        var reaper = Reaper(Second);
        var deadline = DateTime.UtcNow + Patience;
        while (!(await reaper.TryReapAsync() ?? []).Contains(jobId))
        {
            Assert.True(DateTime.UtcNow < deadline, $"the lease on {jobId} was never reaped");
            await Task.Delay(100);
        }
    }

    /// <summary>Reserves a place for <paramref name="jobId"/> and puts it in line, through <paramref name="queue"/>.</summary>
    public static async Task AddAsync(IJobQueue queue, string jobId)
    {
        Assert.True(await queue.TryReserveAsync(jobId, CancellationToken.None));
        await queue.EnqueueAsync(jobId, CancellationToken.None);
    }

    /// <summary>Completes when <paramref name="token"/> fires, or fails after the patience.</summary>
    public static Task FiredAsync(CancellationToken token)
    {
        var fired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        token.Register(() => fired.TrySetResult());
        return fired.Task.WaitAsync(Patience, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        A.Dispose();
        B.Dispose();
        await _second.DisposeAsync();
    }
}
