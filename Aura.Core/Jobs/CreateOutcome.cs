using Aura.Core.Kernel;

namespace Aura.Core.Jobs;

/// <summary>The answer to a create with an idempotency key.</summary>
public abstract record CreateOutcome
{
    private CreateOutcome() { }

    public sealed record Created(JobSnapshot Job) : CreateOutcome;

    /// <summary>The key's first request made this job; this is a retry of it.</summary>
    public sealed record Replayed(JobSnapshot Job) : CreateOutcome;

    /// <summary>The key was used before for a different request.</summary>
    public sealed record KeyReused(string JobId) : CreateOutcome;

    /// <summary>The key's first request is still creating its job (or that job was deleted).</summary>
    public sealed record InProgress(string JobId) : CreateOutcome;
}
