using Aura.Core.Pipeline;
using Aura.Core.Pipeline.Scripts;
using Aura.Core.Pipeline.Speech;
using Aura.Core.Pipeline.Visuals;
using Microsoft.Extensions.Options;
using Aura.Core.Pipeline.Orchestration;

namespace Aura.Tests.Orchestration;

public sealed class PipelineRegistrationTests
{
    [Fact]
    public void AddAuraPipeline_wires_the_offline_providers_and_one_stage_per_work_stage()
    {
        using var pipeline = new PipelineHarness();

        Assert.IsType<VideoOrchestrator>(pipeline.Orchestrator);
        Assert.IsType<TemplateScriptProvider>(pipeline.Get<IScriptProvider>());
        Assert.IsType<EspeakTtsProvider>(pipeline.Get<ITtsProvider>());
        Assert.IsType<FFmpegTitleCardProvider>(pipeline.Get<IVisualProvider>());
        Assert.Equal(Core.Kernel.JobPhases.WorkStages, pipeline.Get<IEnumerable<IPipelineStage>>().Select(s => s.Stage).Order());
    }

    [Fact]
    public void The_scene_pause_comes_from_the_Pipeline_section_and_an_absurd_one_is_refused()
    {
        using var configured = new PipelineHarness(new Dictionary<string, string?> { ["Pipeline:ScenePause"] = "00:00:00.5" });
        using var absurd = new PipelineHarness(new Dictionary<string, string?> { ["Pipeline:ScenePause"] = "00:01:00" });

        Assert.Equal(TimeSpan.FromSeconds(0.5), configured.Get<IOptions<PipelineOptions>>().Value.ScenePause);
        Assert.Throws<OptionsValidationException>(() => absurd.Get<IOptions<PipelineOptions>>().Value);
    }
}
