using Aura.Core.Media.Rendering;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Aura.Tests.Rendering;

public class FFmpegLocatorTests
{
    private static FFmpegLocator Locator(string? path = null, string? probePath = null, TimeProvider? time = null) =>
        new(Options.Create(new FFmpegOptions { Path = path, ProbePath = probePath }), time ?? TimeProvider.System);

    [Fact]
    public async Task The_installed_ffmpeg_is_found_on_the_path_with_its_version_libx264_and_ffprobe_beside_it()
    {
        var status = await Locator().GetStatusAsync(CancellationToken.None);

        Assert.True(status.IsUsable, status.Problem);
        Assert.Equal("/usr/bin/ffmpeg", status.FFmpegPath);
        Assert.Equal("/usr/bin/ffprobe", status.ProbePath);
        Assert.True(status.HasLibx264);
        Assert.Matches(@"^\d+\.\d+", status.Version);
        Assert.Null(status.Problem);
        Assert.Null(status.Remediation);
        Assert.Null(status.AsFailure());
    }

    [Fact]
    public async Task A_configured_path_that_does_not_exist_is_unusable_with_advice()
    {
        using var folder = new TestFolder();
        var missing = folder.File("no-ffmpeg");

        var status = await Locator(missing).GetStatusAsync(CancellationToken.None);

        Assert.False(status.IsUsable);
        Assert.Null(status.FFmpegPath);
        Assert.Contains(missing, status.Problem);
        Assert.Contains("apt-get install -y ffmpeg", status.Remediation);
        Assert.Contains("FFmpeg:Path", status.Remediation);
        Assert.Equal(Aura.Core.Kernel.ErrorCodes.FFmpegNotFound, status.AsFailure()!.Code);
        Assert.Equal(status.Problem, status.AsFailure()!.Message);
    }

    [Fact]
    public async Task An_ffmpeg_without_libx264_is_found_but_unusable()
    {
        using var folder = new TestFolder();
        var fake = folder.Script("ffmpeg", """
            case "$2" in
              -version) echo "ffmpeg version 9.9-fake Copyright (c) the fakers" ;;
              -encoders) echo " V....D libx265              libx265 H.265" ;;
            esac
            """);

        var status = await Locator(fake, probePath: "/usr/bin/ffprobe").GetStatusAsync(CancellationToken.None);

        Assert.False(status.IsUsable);
        Assert.Equal(fake, status.FFmpegPath);
        Assert.Equal("9.9-fake", status.Version);
        Assert.False(status.HasLibx264);
        Assert.Contains("libx264", status.Problem);
    }

    [Fact]
    public async Task The_check_runs_once_and_an_unusable_result_is_checked_again_after_a_while()
    {
        using var folder = new TestFolder();
        var time = new FakeTimeProvider();
        var ffmpeg = folder.File("ffmpeg");
        var locator = Locator(ffmpeg, probePath: "/usr/bin/ffprobe", time: time);
        var first = await locator.GetStatusAsync(CancellationToken.None);
        File.CreateSymbolicLink(ffmpeg, "/usr/bin/ffmpeg");

        var cached = await locator.GetStatusAsync(CancellationToken.None);
        time.Advance(FFmpegLocator.RecheckUnusableAfter);
        var rechecked = await locator.GetStatusAsync(CancellationToken.None);

        Assert.False(first.IsUsable);
        Assert.Same(first, cached);
        Assert.True(rechecked.IsUsable, rechecked.Problem);
        Assert.Same(rechecked, await locator.GetStatusAsync(CancellationToken.None));
    }

    [Fact]
    public void A_bare_name_is_looked_up_on_the_path()
    {
        Assert.Equal("/usr/bin/ffmpeg", Locator("ffmpeg").FindFFmpeg());
        Assert.Equal("/usr/bin/ffprobe", Locator("ffmpeg").FindProbe());
    }
}
