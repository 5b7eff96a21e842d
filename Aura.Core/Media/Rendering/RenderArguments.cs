using Aura.Core.Kernel;

namespace Aura.Core.Media.Rendering;

/// <summary>The FFmpeg arguments of the final render (pure; no I/O).</summary>
public static class RenderArguments
{
    /// <summary>
    /// One looped image input per scene, then the narration, then the subtitles. The filter only
    /// scales, converts and concatenates, so no text of the user's ever sits in it. The output is
    /// bounded with <c>-t</c> to the scenes' total instead of <c>-shortest</c>, which would end the
    /// video at whichever stream ends first (a short narration or the last subtitle) and cut the timeline.
    /// </summary>
    public static IReadOnlyList<string> Build(RenderInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Scenes.Count == 0)
            throw new ArgumentException("A render needs at least one scene.", nameof(input));
        var (width, height) = EvenSize(input.Resolution);
        var fps = ArgumentParts.Number(ArgumentParts.InRange(input.Fps, 1, 120, nameof(input.Fps)));
        ArgumentParts.InRange(input.VideoBitrateK, 1, 100_000, nameof(input.VideoBitrateK));
        ArgumentParts.InRange(input.AudioBitrateK, 8, 1_000, nameof(input.AudioBitrateK));

        var args = new List<string>(ArgumentParts.Start);
        foreach (var (card, duration) in input.Scenes)
        {
            ArgumentParts.Positive(duration, nameof(input.Scenes));
            args.AddRange(["-loop", "1", "-framerate", fps, "-t", ArgumentParts.Seconds(duration),
                "-i", ArgumentParts.FilePath(card, nameof(input.Scenes))]);
        }
        var narration = input.Scenes.Count;
        var subtitles = narration + 1;
        args.AddRange(["-i", ArgumentParts.FilePath(input.NarrationWav, nameof(input.NarrationWav))]);
        args.AddRange(["-f", "srt", "-i", ArgumentParts.FilePath(input.SubtitlePath, nameof(input.SubtitlePath))]);

        args.AddRange(["-filter_complex", VideoGraph(input.Scenes.Count, width, height, fps)]);
        args.AddRange(["-map", "[video]", "-map", $"{narration}:a:0", "-map", $"{subtitles}:s:0"]);
        args.AddRange(["-c:v", "libx264", "-preset", "veryfast", "-b:v", $"{input.VideoBitrateK}k", "-pix_fmt", "yuv420p", "-r", fps]);
        args.AddRange(["-c:a", "aac", "-b:a", $"{input.AudioBitrateK}k"]);
        args.AddRange(["-c:s", "mov_text"]);
        args.AddRange(["-movflags", "+faststart", "-t", ArgumentParts.Seconds(input.TotalDuration)]);
        args.AddRange(ArgumentParts.Progress);
        args.Add(ArgumentParts.FilePath(input.OutputPath, nameof(input.OutputPath)));
        return args;
    }

    /// <summary>Each card scaled to the frame, square pixels, constant rate, yuv420p; then concatenated.</summary>
    internal static string VideoGraph(int scenes, int width, int height, string fps)
    {
        var parts = Enumerable.Range(0, scenes)
            .Select(i => $"[{i}:v]scale={width}:{height},setsar=1,fps={fps},format=yuv420p[v{i}]");
        var labels = string.Concat(Enumerable.Range(0, scenes).Select(i => $"[v{i}]"));
        return string.Join(';', parts) + $";{labels}concat=n={scenes}:v=1:a=0[video]";
    }

    /// <summary>H.264 in yuv420p needs an even width and height.</summary>
    internal static (int Width, int Height) EvenSize(Resolution resolution)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        var width = ArgumentParts.InRange(resolution.Width, 2, 7680, nameof(resolution.Width));
        var height = ArgumentParts.InRange(resolution.Height, 2, 4320, nameof(resolution.Height));
        if (width % 2 != 0 || height % 2 != 0)
            throw new ArgumentException($"Width and height must be even for H.264, not {width}x{height}.", nameof(resolution));
        return (width, height);
    }
}
