using Aura.Core.Pipeline.Scripts;
using Aura.Core.Kernel;
using Aura.Core.Pipeline;

namespace Aura.Core.Pipeline.Visuals;

/// <summary>Draws the picture shown during a scene.</summary>
public interface IVisualProvider
{
    /// <summary>Writes a PNG of <paramref name="spec"/>'s resolution to <paramref name="pngPath"/>.</summary>
    Task DrawAsync(ScriptScene scene, VideoScript script, RenderSpec spec, string pngPath, JobContext job, CancellationToken cancellationToken);
}
