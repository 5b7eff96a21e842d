using Aura.Core.Kernel;
using Aura.Core.Pipeline.Visuals;

namespace Aura.Core.Pipeline.Stages;

/// <summary>Visuals: one picture per scene (<c>card-01.png</c> …), each announced as it is drawn.</summary>
public sealed class VisualsStage(IVisualProvider visuals) : IPipelineStage
{
    public JobStage Stage => JobStage.Visuals;

    public string Title => "Drawing the title cards";

    public async Task RunAsync(PipelineRun run, CancellationToken cancellationToken)
    {
        var script = await run.GetScriptAsync(cancellationToken);
        var scenes = script.Scenes;
        for (var i = 0; i < scenes.Count; i++)
        {
            var card = run.Layout.Card(i);
            await visuals.DrawAsync(scenes[i], script, run.Job.Request.RenderSpec, card, run.Job, cancellationToken);
            await run.AnnounceArtifactAsync(card, "image/png");
            await run.Progress.ReportAsync(100.0 * (i + 1) / scenes.Count, $"Drew card {i + 1} of {scenes.Count}");
        }
    }
}
