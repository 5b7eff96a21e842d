using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Core.Media.Rendering;
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

    [Theory]
    [InlineData("00:00:03", "00:00:03", false)]
    [InlineData("00:00:05", "00:00:02", false)]
    [InlineData("00:00:03", "00:00:04", true)]
    [InlineData("00:00:05", "00:00:00", true)] // a cancel that does not wait answers at once, whatever the grace
    public void The_kill_grace_must_fit_inside_the_cancel_wait(string grace, string cancelWait, bool valid)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FFmpeg:KillGracePeriod"] = grace, ["Jobs:CancelWait"] = cancelWait,
        }).Build();
        using var provider = new ServiceCollection().AddLogging().AddAuraRendering(configuration).AddAuraJobs(configuration).BuildServiceProvider();

        var options = () => provider.GetRequiredService<IOptions<FFmpegOptions>>().Value;

        if (valid)
            Assert.Equal(TimeSpan.Parse(grace, System.Globalization.CultureInfo.InvariantCulture), options().KillGracePeriod);
        else
            Assert.Contains("Jobs:CancelWait", Assert.Throws<OptionsValidationException>(options).Message);
    }

    [Fact]
    public void The_default_kill_grace_fits_inside_the_default_cancel_wait()
    {
        using var provider = Provider([]);

        Assert.True(provider.GetRequiredService<IOptions<FFmpegOptions>>().Value.KillGracePeriod
            < new JobRunnerOptions().CancelWait);
    }
}
