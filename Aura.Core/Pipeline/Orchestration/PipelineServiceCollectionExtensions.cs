using Aura.Core.Pipeline.Stages;
using Aura.Core.Pipeline.Visuals;
using Aura.Core.Media.Rendering;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Aura.Core.Kernel;

namespace Aura.Core.Pipeline.Orchestration;

public static class PipelineServiceCollectionExtensions
{
    /// <summary>
    /// The video pipeline: options (section <c>Pipeline</c>), the five stages, the FFmpeg title-card
    /// visual provider and <see cref="IVideoOrchestrator"/>; with FFmpeg (<c>AddAuraRendering</c>) and
    /// the script and voice providers (<c>AddAuraProviders</c>). Needs logging.
    /// </summary>
    public static IServiceCollection AddAuraPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuraRendering(configuration);
        services.AddAuraProviders(configuration);
        services.AddValidatedOptions<PipelineOptions>(configuration, PipelineOptions.Section);
        services.TryAddSingleton<IVisualProvider, FFmpegTitleCardProvider>();
        services.TryAddEnumerable(
        [
            ServiceDescriptor.Singleton<IPipelineStage, ScriptStage>(),
            ServiceDescriptor.Singleton<IPipelineStage, VoiceStage>(),
            ServiceDescriptor.Singleton<IPipelineStage, VisualsStage>(),
            ServiceDescriptor.Singleton<IPipelineStage, ComposeStage>(),
            ServiceDescriptor.Singleton<IPipelineStage, RenderStage>(),
        ]);
        services.TryAddSingleton<IVideoOrchestrator, VideoOrchestrator>();
        return services;
    }
}
