using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Aura.Core.Jobs.Redis;

/// <summary>
/// One claim held through the Redis queue: renews its lease every third of the lease time and fires the
/// claim's <see cref="JobClaim.Lost"/> when the lease is no longer the worker's. That is when a renewal
/// finds the lease gone or another's, and when no renewal got through before the lease's end as this
/// process counts it — from the moment the last successful claim or renewal was sent, which is no later
/// than Redis's own deadline — so a worker cut off from Redis stops before another can be handed its job.
/// </summary>
internal sealed partial class RedisLease : IDisposable
{
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _stopRenewing = new();
    private readonly Func<JobClaim, Task<bool>> _renew;
    private readonly TimeSpan _leaseTime;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private long _deadline;
    private bool _disposed;

    /// <param name="sentAt">The <see cref="Stopwatch"/> timestamp taken before the claim was sent.</param>
    public RedisLease(string jobId, string token, long sentAt, TimeSpan leaseTime, Func<JobClaim, Task<bool>> renew, ILogger logger)
    {
        _renew = renew;
        _leaseTime = leaseTime;
        _logger = logger;
        Claim = new JobClaim(jobId, token, _lost.Token);
        Extend(sentAt);
        _ = Task.Run(RenewAsync);
    }

    public JobClaim Claim { get; }

    /// <summary>Stops renewing; the lease then runs out in Redis unless it is given back. <see cref="JobClaim.Lost"/> still fires at its end.</summary>
    public void StopRenewing() => _stopRenewing.Cancel();

    private async Task RenewAsync()
    {
        var every = _leaseTime / 3;
        var wait = every;
        while (true)
        {
            try
            {
                await Task.Delay(wait, _stopRenewing.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            if (_lost.IsCancellationRequested)
                return;

            var sentAt = Stopwatch.GetTimestamp();
            try
            {
                // A renewal that hangs must not outlive the lease: the deadline fires Lost meanwhile anyway.
                if (!await _renew(Claim).WaitAsync(_leaseTime, _stopRenewing.Token))
                {
                    LogLost(Claim.JobId);
                    Lose();
                    return;
                }
                Extend(sentAt);
                wait = every;
            }
            catch (OperationCanceledException) when (_stopRenewing.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Redis unreachable or slow: try again soon; the lease's end as counted here still stands.
                LogRenewalFailed(Claim.JobId, ex.GetType().Name);
                wait = every / 4;
            }
        }
    }

    /// <summary>The lease now ends a lease time after <paramref name="sentAt"/>: Lost fires then unless renewed.</summary>
    private void Extend(long sentAt)
    {
        lock (_gate)
        {
            var deadline = sentAt + (long)(_leaseTime.TotalSeconds * Stopwatch.Frequency);
            if (_disposed || deadline <= _deadline)
                return;
            _deadline = deadline;
            var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
            if (left <= TimeSpan.Zero)
                _lost.Cancel();
            else
                _lost.CancelAfter(left);
        }
    }

    private void Lose()
    {
        lock (_gate)
        {
            if (!_disposed)
                _lost.Cancel();
        }
    }

    /// <summary>The claim was given back: renewals stop and Lost never fires.</summary>
    public void Dispose()
    {
        _stopRenewing.Cancel();
        lock (_gate)
        {
            _disposed = true;
            _lost.Dispose();
        }
    }

    [LoggerMessage(LogLevel.Warning, "The lease on job {JobId} is gone or another worker's: this worker has lost the job and stops its run")]
    private partial void LogLost(string jobId);

    [LoggerMessage(LogLevel.Warning, "The lease on job {JobId} could not be renewed ({Error}); trying again before it runs out")]
    private partial void LogRenewalFailed(string jobId, string error);
}
