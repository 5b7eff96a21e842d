using System.ComponentModel.DataAnnotations;
using Aura.Core.Kernel;

namespace Aura.Core.Pipeline;

/// <summary>The <c>Pipeline</c> configuration section.</summary>
public sealed class PipelineOptions
{
    public const string Section = "Pipeline";

    /// <summary>Silence after each scene's narration before the next card shows.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:05")]
    public TimeSpan ScenePause { get; set; } = TimeSpan.FromSeconds(0.3);
}
