using Aura.Core.Jobs;
using Aura.Core.Jobs.Redis;
using Aura.Core.Storage.Redis;
using Aura.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Aura.Tests.Cluster;

/// <summary>
/// A cancel accepted on one node reaches the run on whichever node's worker has it: by the cancels channel,
/// and by the standing request for a run that missed the message or started after it. Each node on its own
/// connection, as two machines are.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class RedisCancelBusTests(RedisFixture redis)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_cancel_on_one_node_stops_the_run_on_the_node_that_has_it_and_no_other_run()
    {
        await using var worker = await Node.StartAsync(redis);
        var apiNode = ApiNode(new RunningJobs(), worker.Channels);
        using var run = NewRun();
        using var other = NewRun();
        using var entry = worker.Running.Add("job-a", run);
        using var otherEntry = worker.Running.Add("job-b", other);

        await apiNode.RequestAsync("job-a", CancellationToken.None);
        await Stopped(run).WaitAsync(Patience);

        Assert.True(run.CancelRequested);
        Assert.False(other.CancelRequested);
    }

    [Fact]
    public async Task A_run_that_starts_after_the_cancel_was_requested_is_stopped_by_the_standing_request()
    {
        await using var worker = await Node.StartAsync(redis);
        var apiNode = ApiNode(new RunningJobs(), worker.Channels);

        await apiNode.RequestAsync("job-a", CancellationToken.None);
        // The job is taken up again later (a dead worker's lease was reaped): the message is long gone.
        using var run = NewRun();
        using var entry = worker.Running.Add("job-a", run);
        await Stopped(run).WaitAsync(Patience);

        Assert.True(run.CancelRequested);
    }

    [Fact]
    public async Task The_request_stops_a_run_of_the_requesting_node_at_once_and_expires_after_every_attempt_could_have_run()
    {
        var prefix = RedisFixture.NewPrefix();
        var channels = new RedisChannels(new RedisKeys(prefix));
        var running = new RunningJobs();
        var options = new JobRunnerOptions { MaxDuration = TimeSpan.FromHours(2), MaxAttempts = 3 };
        var bus = new RedisJobCancelBus(redis.Connection, channels, running, options);
        using var run = NewRun();
        using var entry = running.Add("job-a", run);

        await bus.RequestAsync("job-a", CancellationToken.None);
        var expiry = await redis.Connection.GetDatabase().KeyTimeToLiveAsync(channels.CancelRequest("job-a"));

        Assert.True(run.CancelRequested);
        Assert.True(bus.ReachesEveryNode);
        Assert.InRange(expiry!.Value, TimeSpan.FromHours(29) - TimeSpan.FromMinutes(1), TimeSpan.FromHours(30));
    }

    private RedisJobCancelBus ApiNode(RunningJobs running, RedisChannels channels) =>
        new(redis.Connection, channels, running, new JobRunnerOptions());

    private static RunCancellation NewRun() => new(TimeProvider.System, new JobRunnerOptions(), CancellationToken.None, () => { });

    private static Task Stopped(RunCancellation run) => Task.Delay(Timeout.Infinite, run.Token).ContinueWith(_ => { }, TaskScheduler.Default);

    /// <summary>A worker node: its own connection, its runs, its listener.</summary>
    private sealed class Node : IAsyncDisposable
    {
        private ConnectionMultiplexer _connection = null!;
        private RedisCancelListener _listener = null!;

        public RunningJobs Running { get; } = new();

        public RedisChannels Channels { get; private init; } = null!;

        public static async Task<Node> StartAsync(RedisFixture redis)
        {
            var node = new Node { Channels = new RedisChannels(new RedisKeys(RedisFixture.NewPrefix())) };
            node._connection = await ConnectionMultiplexer.ConnectAsync(redis.Server.Configuration);
            node._listener = new RedisCancelListener(node._connection, node.Channels, node.Running, NullLogger<RedisCancelListener>.Instance);
            await node._listener.StartAsync(CancellationToken.None);
            return node;
        }

        public async ValueTask DisposeAsync()
        {
            await _listener.StopAsync(CancellationToken.None);
            _listener.Dispose();
            await _connection.DisposeAsync();
        }
    }
}
