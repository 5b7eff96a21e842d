using CliWrap;
using CliWrap.Buffered;

namespace Aura.Tests.Support;

/// <summary>Pixels of an image as the real FFmpeg decodes them, for tests that look at what was drawn.</summary>
public static class FFmpegFrames
{
    /// <summary>The first frame of <paramref name="imagePath"/> after <paramref name="filter"/> (e.g. a crop), as 8-bit gray bytes.</summary>
    public static async Task<byte[]> GrayAsync(string imagePath, string filter)
    {
        using var output = new MemoryStream();
        var result = await Cli.Wrap("/usr/bin/ffmpeg")
            .WithArguments(["-nostdin", "-v", "error", "-i", imagePath, "-vf", filter, "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "gray", "-"])
            .WithStandardOutputPipe(PipeTarget.ToStream(output))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync()
            .Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(result.ExitCode == 0, $"ffmpeg could not read {imagePath}: {result.StandardError}");
        return output.ToArray();
    }
}
