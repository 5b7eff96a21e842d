using Aura.Core.Kernel;

namespace Aura.Core.Jobs;

/// <summary>The answer to a delete request.</summary>
public abstract record DeleteOutcome
{
    private DeleteOutcome() { }

    public sealed record Deleted(JobSnapshot Job) : DeleteOutcome;

    public sealed record NotEnded(JobSnapshot Job) : DeleteOutcome;

    public sealed record NotFound : DeleteOutcome;
}
