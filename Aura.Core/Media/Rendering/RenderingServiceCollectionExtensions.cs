using Aura.Core.Media.Processes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Aura.Core.Kernel;

namespace Aura.Core.Media.Rendering;

public static class RenderingServiceCollectionExtensions
{
    /// <summary>
    /// FFmpeg: options (section <c>FFmpeg</c>), locator, media probe, log writer, runner, fonts.
    /// Needs logging; adds <see cref="TimeProvider.System"/> unless a <see cref="TimeProvider"/> is registered.
    /// </summary>
    public static IServiceCollection AddAuraRendering(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<FFmpegOptions>(configuration, FFmpegOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<FFmpegLocator>();
        services.TryAddSingleton<FFmpegLogWriter>();
        services.TryAddSingleton<FontLocator>(_ => new FontLocator());
        services.TryAddSingleton<IMediaProbe, FfprobeMediaProbe>();
        services.TryAddSingleton(sp => new ChildProcessLauncher(
            sp.GetRequiredService<IOptions<FFmpegOptions>>().Value.DieWithService ? ChildProcessLauncher.FindWrapper() : null,
            sp.GetRequiredService<ILogger<ChildProcessLauncher>>()));
        services.TryAddSingleton<IFFmpegRunner, FFmpegProcessRunner>();
        return services;
    }
}
