using Aura.Core.Jobs;
using Aura.Core.Orchestration;

namespace Aura.Core.Providers;

/// <summary>Draws the picture shown during a scene.</summary>
public interface IVisualProvider
{
    /// <summary>Writes a PNG of <paramref name="spec"/>'s resolution to <paramref name="pngPath"/>.</summary>
    Task DrawAsync(ScriptScene scene, VideoScript script, RenderSpec spec, string pngPath, JobContext job, CancellationToken cancellationToken);
}
