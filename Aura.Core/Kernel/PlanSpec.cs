namespace Aura.Core.Kernel;

public sealed record PlanSpec(TimeSpan TargetDuration, string Pacing = "Conversational")
{
    public PlanSpec() : this(TimeSpan.FromSeconds(30)) { }
}
