using Aura.Core.Kernel;

namespace Aura.Core.Jobs;

/// <summary>The answer to a cancel request.</summary>
public abstract record CancelOutcome
{
    private CancelOutcome() { }

    public sealed record Accepted(JobSnapshot Job) : CancelOutcome;

    public sealed record NotCancellable(JobSnapshot Job) : CancelOutcome;

    public sealed record NotFound : CancelOutcome;
}
