using Aura.Core.Media.Rendering;

namespace Aura.Tests.Support;

/// <summary>Only tests make WAVs with FFmpeg (the service writes them itself). FFmpeg arguments for the narration's WAV files (pure; no I/O). Outputs are 16-bit mono PCM.</summary>
public static class AudioArguments
{
    public const int DefaultSampleRate = 48_000;

    /// <summary>A silent WAV of exactly <paramref name="duration"/>.</summary>
    public static IReadOnlyList<string> Silence(TimeSpan duration, string outputWav, int sampleRate = DefaultSampleRate)
    {
        ArgumentParts.Positive(duration, nameof(duration));
        var args = new List<string>(ArgumentParts.Start)
        {
            "-f", "lavfi", "-i", $"anullsrc=r={Rate(sampleRate)}:cl=mono",
            "-t", ArgumentParts.Seconds(duration),
        };
        return Finish(args, outputWav);
    }

    /// <summary>
    /// The WAVs one after another. Each is resampled to one rate and layout first, since speech
    /// engines and silence may come at different rates.
    /// </summary>
    public static IReadOnlyList<string> Concat(IReadOnlyList<string> inputWavs, string outputWav, int sampleRate = DefaultSampleRate)
    {
        ArgumentNullException.ThrowIfNull(inputWavs);
        if (inputWavs.Count == 0)
            throw new ArgumentException("Nothing to concatenate.", nameof(inputWavs));
        var args = new List<string>(ArgumentParts.Start);
        foreach (var wav in inputWavs)
            args.AddRange(["-i", ArgumentParts.FilePath(wav, nameof(inputWavs))]);

        var rate = Rate(sampleRate);
        var parts = inputWavs.Select((_, i) => $"[{i}:a]aresample={rate},aformat=sample_fmts=s16:channel_layouts=mono[a{i}]");
        var labels = string.Concat(inputWavs.Select((_, i) => $"[a{i}]"));
        args.AddRange(["-filter_complex", string.Join(';', parts) + $";{labels}concat=n={inputWavs.Count}:v=0:a=1[audio]", "-map", "[audio]"]);
        return Finish(args, outputWav);
    }

    /// <summary>The WAV padded with silence, or cut, to exactly <paramref name="duration"/>.</summary>
    public static IReadOnlyList<string> FitToDuration(string inputWav, TimeSpan duration, string outputWav, int sampleRate = DefaultSampleRate)
    {
        ArgumentParts.Positive(duration, nameof(duration));
        var args = new List<string>(ArgumentParts.Start)
        {
            "-i", ArgumentParts.FilePath(inputWav, nameof(inputWav)),
            "-af", $"aresample={Rate(sampleRate)},aformat=sample_fmts=s16:channel_layouts=mono,apad",
            "-t", ArgumentParts.Seconds(duration),
        };
        return Finish(args, outputWav);
    }

    private static List<string> Finish(List<string> args, string outputWav)
    {
        args.AddRange(["-c:a", "pcm_s16le", "-ac", "1"]);
        args.AddRange(ArgumentParts.Progress);
        args.Add(ArgumentParts.FilePath(outputWav, nameof(outputWav)));
        return args;
    }

    private static string Rate(int sampleRate) => ArgumentParts.Number(ArgumentParts.InRange(sampleRate, 8_000, 192_000, nameof(sampleRate)));
}
