using Aura.Core.Kernel;

namespace Aura.Core.Jobs;

/// <summary>
/// The cancellation of one run: a user's cancel, a stall (no progress for the stall timeout), the
/// whole run outlasting its maximum duration, the process stopping, or the worker's claim on the job
/// being lost (<see cref="JobClaim.Lost"/>), whichever comes first; and
/// the stall warning, raised once per quiet spell of the stall-warning time. All timed by the injected clock.
/// </summary>
internal sealed class RunCancellation : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private readonly CancellationTokenSource _stall;
    private readonly CancellationTokenSource _deadline;
    private readonly CancellationTokenSource _any;
    private readonly TimeSpan _stallTimeout;
    private readonly TimeSpan _stallWarning;
    private readonly TimeProvider _time;
    private readonly Action _onStallWarning;
    private readonly Lock _gate = new();
    private readonly CancellationToken _claimLost;
    private readonly CancellationTokenSource _claimRefused = new();
    private ITimer? _warning;

    public RunCancellation(TimeProvider time, JobRunnerOptions options, CancellationToken stopping, Action onStallWarning,
        CancellationToken claimLost = default)
    {
        _time = time;
        _claimLost = claimLost;
        _stallTimeout = options.StallTimeout;
        _stallWarning = options.StallWarning;
        _onStallWarning = onStallWarning;
        _stall = new CancellationTokenSource(_stallTimeout, time);
        _deadline = new CancellationTokenSource(options.MaxDuration, time);
        _any = CancellationTokenSource.CreateLinkedTokenSource(_cancel.Token, _stall.Token, _deadline.Token, stopping, claimLost, _claimRefused.Token);
        ArmWarning();
    }

    public CancellationToken Token => _any.Token;

    public bool CancelRequested => _cancel.IsCancellationRequested;

    /// <summary>The job is no longer this worker's: whatever else happened, the run must write nothing more.</summary>
    public bool ClaimLost => _claimLost.IsCancellationRequested || _claimRefused.IsCancellationRequested;

    /// <summary>The store refused a write for the claim (<see cref="Storage.StaleClaimException"/>): the claim is lost, the run stops.</summary>
    public void LoseClaim() => _claimRefused.Cancel();

    public bool Stalled => _stall.IsCancellationRequested && !CancelRequested && !TimedOut;

    /// <summary>The run outlasted <see cref="JobRunnerOptions.MaxDuration"/>.</summary>
    public bool TimedOut => _deadline.IsCancellationRequested && !CancelRequested;

    public void RequestCancel() => _cancel.Cancel();

    /// <summary>The job showed progress: the stall timer and the stall warning start again.</summary>
    public void Touch()
    {
        if (!_stall.IsCancellationRequested)
            _stall.CancelAfter(_stallTimeout);
        ArmWarning();
    }

    private void ArmWarning()
    {
        lock (_gate)
        {
            // A one-shot timer: a warning is raised once per quiet spell, and progress arms the next.
            _warning?.Dispose();
            _warning = _time.CreateTimer(_ => _onStallWarning(), null, _stallWarning, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        lock (_gate)
            _warning?.Dispose();
        _any.Dispose();
        _deadline.Dispose();
        _stall.Dispose();
        _cancel.Dispose();
        _claimRefused.Dispose();
    }
}
