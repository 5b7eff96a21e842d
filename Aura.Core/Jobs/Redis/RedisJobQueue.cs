using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Aura.Core.Storage;
using Aura.Core.Storage.Redis;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Aura.Core.Jobs.Redis;

/// <summary>
/// The <see cref="IJobQueue"/> shared by every node on one Redis (<c>Storage:Provider=Redis</c>): one line,
/// one set of places (so <c>Jobs:QueueCapacity</c> holds across nodes) and a lease per claimed job, each step
/// one script (<see cref="RedisQueueScripts"/>). A claim is a lease of <c>Jobs:LeaseTimeout</c> renewed by
/// <see cref="RedisLease"/> while the worker holds it, however long the run; a worker that lost it stops,
/// and its writes are refused by the store (the token goes with every save). Leases whose worker died are
/// put back in line by <see cref="RedisLeaseReaper"/>. Workers with nothing to do wait for the wake
/// channel (every enqueue publishes) or a fallback poll, whichever comes first.
/// </summary>
public sealed partial class RedisJobQueue : IJobQueue, IDisposable
{
    /// <summary>How long an idle worker waits before it looks again when no wake message came (one may be lost).</summary>
    internal static readonly TimeSpan FallbackPoll = TimeSpan.FromSeconds(1);

    private readonly IConnectionMultiplexer _connection;
    private readonly RedisKeys _keys;
    private readonly int _capacity;
    private readonly TimeSpan _leaseTime;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, RedisLease> _held = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _subscribing = new(1, 1);
    private readonly Lock _gate = new();
    private readonly Action<RedisChannel, RedisValue> _onWake;
    private TaskCompletionSource _wake = NewWake();
    private bool _subscribed;
    private volatile bool _disposed;

    public RedisJobQueue(IConnectionMultiplexer connection, string keyPrefix, JobRunnerOptions options, ILogger<RedisJobQueue> logger)
    {
        _connection = connection;
        _keys = new RedisKeys(keyPrefix);
        _capacity = options.QueueCapacity;
        _leaseTime = options.LeaseTimeout;
        _logger = logger;
        _onWake = (_, _) => Wake();
    }

    private RedisKey[] LineKeys => [_keys.QueueLine, _keys.QueuePlaces, _keys.Leases, _keys.LeaseDeadlines];

    private string LeaseMilliseconds => ((long)_leaseTime.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);

    public async Task<bool> TryReserveAsync(string jobId, CancellationToken cancellationToken) =>
        (int)await Evaluate(RedisQueueScripts.Reserve, [_keys.QueuePlaces], [jobId, _capacity], cancellationToken) == 1;

    public Task EnqueueAsync(string jobId, CancellationToken cancellationToken) =>
        Evaluate(RedisQueueScripts.Enqueue, [_keys.QueueLine], [jobId, _keys.QueueWake], cancellationToken);

    public Task RequeueAsync(string jobId, CancellationToken cancellationToken) =>
        Evaluate(RedisQueueScripts.Requeue, LineKeys, [jobId, _keys.QueueWake], cancellationToken);

    public Task ReleaseAsync(string jobId, CancellationToken cancellationToken) =>
        Run(database => database.SetRemoveAsync(_keys.QueuePlaces, jobId), cancellationToken);

    public async Task<int> CountWaitingAsync(CancellationToken cancellationToken) =>
        (int)await Run(database => database.SetLengthAsync(_keys.QueuePlaces), cancellationToken);

    public async Task<JobClaim> ClaimAsync(CancellationToken stopping)
    {
        while (true)
        {
            stopping.ThrowIfCancellationRequested();
            if (_disposed)
                await Task.Delay(Timeout.Infinite, stopping); // a queue being put away hands out nothing more
            await SubscribeAsync();
            Task woken;
            lock (_gate)
                woken = _wake.Task;
            try
            {
                if (await TryClaimAsync(stopping) is { } claim)
                    return claim;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Redis is away (or answered oddly): look again after the poll; the client reconnects by itself.
                // A worker loop must not end over it.
                LogClaimFailed(ex.Message);
            }
            await Task.WhenAny(woken, Task.Delay(FallbackPoll, stopping));
        }
    }

    /// <summary>Claims the next job in line, or answers null at once when none waits.</summary>
    internal async Task<JobClaim?> TryClaimAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var token = Guid.NewGuid().ToString("N");
        // Taken before the claim is sent: the lease's end as this process counts it is never later than Redis's.
        var sentAt = Stopwatch.GetTimestamp();
        var claimed = await Evaluate(RedisQueueScripts.Claim, LineKeys, [token, LeaseMilliseconds], cancellationToken);
        if (claimed.IsNull)
            return null;
        var lease = new RedisLease((string)claimed!, token, sentAt, _leaseTime, RenewAsync, _logger);
        _held[token] = lease;
        return lease.Claim;
    }

    public async Task CompleteAsync(JobClaim claim, JobClaimEnd end, CancellationToken cancellationToken)
    {
        _held.TryRemove(claim.Token, out var lease);
        lease?.StopRenewing();
        try
        {
            await Evaluate(RedisQueueScripts.Complete, LineKeys,
                [claim.JobId, claim.Token, end == JobClaimEnd.Interrupted ? "1" : "0", _keys.QueueWake], cancellationToken);
        }
        finally
        {
            // Given back or not, this worker is done with it; a lease left in Redis runs out and is reaped.
            lease?.Dispose();
        }
    }

    private async Task<bool> RenewAsync(JobClaim claim) =>
        (int)await Evaluate(RedisQueueScripts.Renew, [_keys.Leases, _keys.LeaseDeadlines],
            [claim.JobId, claim.Token, LeaseMilliseconds], CancellationToken.None) == 1;

    /// <summary>Listens on the wake channel once (the client subscribes again after a reconnect by itself).</summary>
    private async Task SubscribeAsync()
    {
        if (_subscribed)
            return;
        await _subscribing.WaitAsync();
        try
        {
            if (_subscribed)
                return;
            await _connection.GetSubscriber().SubscribeAsync(RedisChannel.Literal(_keys.QueueWake), _onWake);
            _subscribed = true;
        }
        catch (Exception ex) when (RedisFailures.MeansUnavailable(ex))
        {
            // Not now: the fallback poll serves until a later claim subscribes.
        }
        finally
        {
            _subscribing.Release();
        }
    }

    private void Wake()
    {
        lock (_gate)
        {
            var woken = _wake;
            _wake = NewWake();
            woken.TrySetResult();
        }
    }

    private static TaskCompletionSource NewWake() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Stops renewing the claims still held (their leases run out and the reaper puts their jobs back; their
    /// Lost still fires at the lease's end), stops listening for work and hands out no more claims. A worker
    /// gives its claims back before the process gets here, so normally none is left.
    /// </summary>
    public void Dispose()
    {
        _disposed = true;
        foreach (var lease in _held.Values)
            lease.StopRenewing();
        if (_subscribed)
            _connection.GetSubscriber().Unsubscribe(RedisChannel.Literal(_keys.QueueWake), _onWake, CommandFlags.FireAndForget);
    }

    private Task<RedisResult> Evaluate(string script, RedisKey[] keys, RedisValue[] values, CancellationToken cancellationToken) =>
        Run(database => database.ScriptEvaluateAsync(script, keys, values), cancellationToken);

    /// <summary>Runs one call to Redis, reporting "Redis cannot serve this now" as <see cref="StoreUnavailableException"/>.</summary>
    private async Task<T> Run<T>(Func<IDatabase, Task<T>> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return await work(_connection.GetDatabase());
        }
        catch (Exception error) when (RedisFailures.MeansUnavailable(error))
        {
            throw new StoreUnavailableException(RedisFailures.Describe(error), error);
        }
    }

    [LoggerMessage(LogLevel.Warning, "No job can be claimed now: {Problem} Looking again shortly.")]
    private partial void LogClaimFailed(string problem);
}
