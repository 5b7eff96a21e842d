namespace Aura.Core.Kernel;

/// <summary>The pipeline stage a job is in, in pipeline order (the order is relied upon).</summary>
public enum JobStage
{
    Queued,
    Script,
    Voice,
    Visuals,
    Compose,
    Rendering,
    Complete,
}
