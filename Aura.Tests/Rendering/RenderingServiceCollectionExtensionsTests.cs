using Aura.Core.Rendering;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Aura.Tests.Rendering;

public class RenderingServiceCollectionExtensionsTests
{
    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddAuraRendering(configuration).BuildServiceProvider();
    }

    [Fact]
    public void The_runner_probe_and_locator_resolve_with_options_from_the_FFmpeg_section()
    {
        using var provider = Provider(new() { ["FFmpeg:KillGracePeriod"] = "00:00:01.500", ["FFmpeg:StderrTailBytes"] = "8192" });

        Assert.IsType<FFmpegProcessRunner>(provider.GetRequiredService<IFFmpegRunner>());
        Assert.IsType<FfprobeMediaProbe>(provider.GetRequiredService<IMediaProbe>());
        Assert.NotNull(provider.GetRequiredService<FFmpegLocator>());
        var options = provider.GetRequiredService<IOptions<FFmpegOptions>>().Value;
        Assert.Equal(TimeSpan.FromSeconds(1.5), options.KillGracePeriod);
        Assert.Equal(8192, options.StderrTailBytes);
    }

    [Fact]
    public void Out_of_range_options_are_refused()
    {
        using var provider = Provider(new() { ["FFmpeg:StderrTailBytes"] = "10" });

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<FFmpegOptions>>().Value);
    }
}
