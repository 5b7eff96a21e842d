using Aura.Core.Kernel;

namespace Aura.Core.Jobs;

/// <summary>
/// The cancellation of one run: a user's cancel, a stall (no progress for the stall timeout,
/// timed by the injected clock) or the process stopping, whichever comes first.
/// </summary>
internal sealed class RunCancellation : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private readonly CancellationTokenSource _stall;
    private readonly CancellationTokenSource _any;
    private readonly TimeSpan _stallTimeout;

    public RunCancellation(TimeProvider time, TimeSpan stallTimeout, CancellationToken stopping)
    {
        _stallTimeout = stallTimeout;
        _stall = new CancellationTokenSource(stallTimeout, time);
        _any = CancellationTokenSource.CreateLinkedTokenSource(_cancel.Token, _stall.Token, stopping);
    }

    public CancellationToken Token => _any.Token;

    public bool CancelRequested => _cancel.IsCancellationRequested;

    public bool Stalled => _stall.IsCancellationRequested && !CancelRequested;

    public void RequestCancel() => _cancel.Cancel();

    /// <summary>The job showed progress: the stall timer starts again.</summary>
    public void Touch()
    {
        if (!_stall.IsCancellationRequested)
            _stall.CancelAfter(_stallTimeout);
    }

    public void Dispose()
    {
        _any.Dispose();
        _stall.Dispose();
        _cancel.Dispose();
    }
}
