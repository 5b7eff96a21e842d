using System.Globalization;
using System.Text.Json;
using Aura.Core.Kernel;
using CliWrap;
using CliWrap.Buffered;

namespace Aura.Core.Media.Rendering;

/// <summary><see cref="IMediaProbe"/> with <c>ffprobe -show_entries … -of json</c>.</summary>
public sealed class FfprobeMediaProbe(FFmpegLocator locator) : IMediaProbe
{
    public async Task<MediaInfo> ProbeAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var ffprobe = locator.FindProbe()
            ?? throw new JobFailedException(ErrorCodes.FFmpegNotFound, "ffprobe was not found beside ffmpeg or on the PATH.", FFmpegLocator.InstallAdvice);

        var result = await Cli.Wrap(ffprobe)
            .WithArguments(["-v", "error", "-show_entries", "format=duration:stream=codec_type,width,height", "-of", "json", Path.GetFullPath(path)])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(cancellationToken);
        if (result.ExitCode != 0)
            throw new JobFailedException(new FailureReason(
                ErrorCodes.FFmpegRuntime,
                $"ffprobe could not read '{Path.GetFileName(path)}' (exit code {result.ExitCode}).",
                "The file is missing or not a media file FFmpeg knows; check the step that wrote it.",
                Tail(result.StandardError)));
        return Parse(result.StandardOutput);
    }

    /// <summary>Reads ffprobe's JSON (<c>format.duration</c>, <c>streams[].codec_type/width/height</c>).</summary>
    internal static MediaInfo Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var duration = TimeSpan.Zero;
        if (root.TryGetProperty("format", out var format) && format.TryGetProperty("duration", out var text)
            && double.TryParse(text.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
            duration = TimeSpan.FromSeconds(seconds);

        var types = new List<string>();
        int? width = null, height = null;
        if (root.TryGetProperty("streams", out var streams))
        {
            foreach (var stream in streams.EnumerateArray())
            {
                var type = stream.TryGetProperty("codec_type", out var t) ? t.GetString() ?? "" : "";
                types.Add(type);
                if (type == "video" && width is null && stream.TryGetProperty("width", out var w) && stream.TryGetProperty("height", out var h))
                    (width, height) = (w.GetInt32(), h.GetInt32());
            }
        }
        return new MediaInfo(duration, width, height, types.Contains("video"), types.Contains("audio"), types.Contains("subtitle"));
    }

    private static string Tail(string stderr) => stderr.Length <= 4096 ? stderr : stderr[^4096..];
}
