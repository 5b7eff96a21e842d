using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Core.Media.Rendering;

namespace Aura.Tests.Rendering;

public class FFmpegFailureClassifierTests
{
    [Theory]
    [InlineData("av_interleaved_write_frame(): No space left on device")]
    [InlineData("Error writing trailer: ENOSPC")]
    public void A_full_disk_is_E306(string stderr)
    {
        var reason = FFmpegFailureClassifier.Classify(1, "frame=1\n" + stderr, "render", "/logs/j.log");

        Assert.Equal(ErrorCodes.DiskFull, reason.Code);
        Assert.Contains("disk", reason.Remediation, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("/logs/j.log", reason.LogPath);
    }

    [Fact]
    public void Any_other_non_zero_exit_is_E304_with_the_stderr_tail_the_log_path_and_the_last_line()
    {
        var reason = FFmpegFailureClassifier.Classify(1, "Input #0\n/w/card.png: Invalid data found when processing input", "render", "/logs/j.log");

        Assert.Equal(ErrorCodes.FFmpegRuntime, reason.Code);
        Assert.Contains("exit code 1", reason.Message);
        Assert.Contains("Invalid data found", reason.Message);
        Assert.Equal("Input #0\n/w/card.png: Invalid data found when processing input", reason.StderrSnippet);
        Assert.Equal("/logs/j.log", reason.LogPath);
        Assert.Contains("/logs/j.log", reason.Remediation);
    }

    [Fact]
    public void An_ffmpeg_without_libx264_is_E302()
    {
        var reason = FFmpegFailureClassifier.Classify(1, "Unknown encoder 'libx264'", "render", "/logs/j.log");

        Assert.Equal(ErrorCodes.FFmpegNotFound, reason.Code);
        Assert.Contains("apt-get install -y ffmpeg", reason.Remediation);
    }

    [Fact]
    public void A_process_killed_by_signal_9_hints_at_memory()
    {
        var reason = FFmpegFailureClassifier.Classify(137, "", "render", "/logs/j.log");

        Assert.Equal(ErrorCodes.FFmpegRuntime, reason.Code);
        Assert.Contains("out-of-memory", reason.Remediation);
    }

    [Fact]
    public void A_missing_or_unstartable_executable_is_E302_telling_how_to_install_or_configure()
    {
        var missing = FFmpegFailureClassifier.NotFound("/opt/ffmpeg");
        var unstartable = FFmpegFailureClassifier.NotStartable("/opt/ffmpeg", new InvalidOperationException("Exec format error"), "/logs/j.log");

        Assert.Equal(ErrorCodes.FFmpegNotFound, missing.Code);
        Assert.Contains("/opt/ffmpeg", missing.Message);
        Assert.Contains("FFmpeg:Path", missing.Remediation);
        Assert.Equal(ErrorCodes.FFmpegNotFound, unstartable.Code);
        Assert.Contains("Exec format error", unstartable.Message);
    }
}

public class StderrTailTests
{
    [Fact]
    public void Only_the_last_lines_within_the_byte_limit_are_kept()
    {
        var tail = new StderrTail(20);
        foreach (var line in new[] { "line one", "line two", "line three" })
            tail.Add(line);

        Assert.Equal("line two\nline three", tail.ToString());
    }

    [Fact]
    public void A_line_longer_than_the_limit_keeps_its_end()
    {
        var tail = new StderrTail(20);
        tail.Add(new string('x', 100) + "REASON");

        Assert.EndsWith("REASON", tail.ToString());
        Assert.True(tail.ToString().Length <= 20);
    }
}
