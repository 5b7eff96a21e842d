using Aura.Tests.Support;

namespace Aura.Tests.Restarts;

/// <summary>The real service refuses to start on unusable Redis settings, in one line that names the setting.</summary>
public sealed class RedisSettingsStartTests
{
    [Fact]
    public async Task The_redis_provider_without_a_configuration_stops_the_start_with_one_line_naming_the_setting()
    {
        using var folder = new TempFolder();

        var (exitCode, output) = await ServiceProcess.RunToExitAsync(folder.Combine("data"), folder.Combine("logs"), "--Storage:Provider", "Redis");

        Assert.NotEqual(0, exitCode);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        var line = Assert.Single(output.Split('\n'), l => l.Contains("Redis:Configuration", StringComparison.Ordinal));
        Assert.Contains("Cannot start", line, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:6379", line, StringComparison.Ordinal);
    }
}
