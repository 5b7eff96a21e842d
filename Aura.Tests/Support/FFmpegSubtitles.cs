using CliWrap;
using CliWrap.Buffered;

namespace Aura.Tests.Support;

/// <summary>What the real FFmpeg reads from a subtitle file or an MP4's subtitle track, written back out as SRT.</summary>
public static class FFmpegSubtitles
{
    /// <summary>The first subtitle stream of <paramref name="inputPath"/> (an .srt, or an .mp4's mov_text track) as FFmpeg decodes it.</summary>
    public static async Task<string> DecodeAsync(string inputPath)
    {
        var result = await Cli.Wrap("/usr/bin/ffmpeg")
            .WithArguments(["-nostdin", "-v", "error", "-i", inputPath, "-map", "0:s:0", "-f", "srt", "-"])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync()
            .Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(result.ExitCode == 0, $"ffmpeg could not decode the subtitles of {inputPath}: {result.StandardError}");
        return result.StandardOutput;
    }
}
