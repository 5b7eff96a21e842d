using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Core.Media.Rendering;
using Microsoft.Extensions.Options;

namespace Aura.Tests.Rendering;

public class AudioArgumentsTests
{
    private static readonly IMediaProbe Probe =
        new FfprobeMediaProbe(new FFmpegLocator(Options.Create(new FFmpegOptions()), TimeProvider.System));

    [Fact]
    public void Silence_comes_from_anullsrc_for_the_given_length_as_mono_pcm()
    {
        var text = string.Join(' ', AudioArguments.Silence(TimeSpan.FromSeconds(1.5), "/w/s.wav"));

        Assert.Contains("-f lavfi -i anullsrc=r=48000:cl=mono -t 1.500", text);
        Assert.EndsWith("-c:a pcm_s16le -ac 1 -progress pipe:1 -nostats /w/s.wav", text);
    }

    [Fact]
    public void Concatenation_resamples_every_input_then_joins_them_in_order()
    {
        var args = AudioArguments.Concat(["/w/a.wav", "/w/b.wav"], "/w/all.wav");

        Assert.Contains("-i /w/a.wav -i /w/b.wav", string.Join(' ', args));
        Assert.Equal(
            "[0:a]aresample=48000,aformat=sample_fmts=s16:channel_layouts=mono[a0];[1:a]aresample=48000,aformat=sample_fmts=s16:channel_layouts=mono[a1];"
            + "[a0][a1]concat=n=2:v=0:a=1[audio]",
            args[args.ToList().IndexOf("-filter_complex") + 1]);
        Assert.Equal("[audio]", args[args.ToList().IndexOf("-map") + 1]);
    }

    [Fact]
    public async Task Real_ffmpeg_makes_silences_joins_them_and_fits_the_result_to_a_length()
    {
        using var folder = new TestFolder();
        var runner = TestFolder.Runner();
        var job = folder.Job();
        async Task Run(IReadOnlyList<string> args, string output) =>
            await runner.RunAsync(new FFmpegRun(job.FFmpeg, "audio", args, null, [output]), null, CancellationToken.None);

        await Run(AudioArguments.Silence(TimeSpan.FromSeconds(0.5), folder.File("a.wav"), sampleRate: 22_050), folder.File("a.wav"));
        await Run(AudioArguments.Silence(TimeSpan.FromSeconds(0.7), folder.File("b.wav")), folder.File("b.wav"));
        await Run(AudioArguments.Concat([folder.File("a.wav"), folder.File("b.wav")], folder.File("ab.wav")), folder.File("ab.wav"));
        await Run(AudioArguments.FitToDuration(folder.File("ab.wav"), TimeSpan.FromSeconds(2), folder.File("fit.wav")), folder.File("fit.wav"));

        var joined = await Probe.ProbeAsync(folder.File("ab.wav"), CancellationToken.None);
        var fitted = await Probe.ProbeAsync(folder.File("fit.wav"), CancellationToken.None);
        Assert.Equal(1.2, joined.Duration.TotalSeconds, 0.02);
        Assert.Equal(2.0, fitted.Duration.TotalSeconds, 0.02);
        Assert.True(fitted.HasAudio);
        Assert.False(fitted.HasVideo);
    }
}

public class FfprobeMediaProbeTests
{
    [Fact]
    public void Probe_json_is_read_into_duration_size_and_stream_kinds()
    {
        var info = FfprobeMediaProbe.Parse("""
            { "programs": [], "streams": [ { "codec_type": "video", "width": 160, "height": 90 },
              { "codec_type": "audio" }, { "codec_type": "subtitle" } ], "format": { "duration": "2.000000" } }
            """);

        Assert.Equal(new MediaInfo(TimeSpan.FromSeconds(2), 160, 90, true, true, true), info);
    }

    [Fact]
    public void A_file_without_a_duration_has_zero()
    {
        var info = FfprobeMediaProbe.Parse("""{ "streams": [ { "codec_type": "video", "width": 4, "height": 2 } ], "format": {} }""");

        Assert.Equal(TimeSpan.Zero, info.Duration);
        Assert.False(info.HasAudio);
    }

    [Fact]
    public async Task A_file_that_is_not_media_is_E304_with_ffprobe_s_stderr()
    {
        using var folder = new TestFolder();
        File.WriteAllText(folder.File("not-media.wav"), "hello");
        var probe = new FfprobeMediaProbe(new FFmpegLocator(Options.Create(new FFmpegOptions()), TimeProvider.System));

        var error = await Assert.ThrowsAsync<JobFailedException>(() => probe.ProbeAsync(folder.File("not-media.wav"), CancellationToken.None));

        Assert.Equal(ErrorCodes.FFmpegRuntime, error.Reason.Code);
        Assert.False(string.IsNullOrWhiteSpace(error.Reason.StderrSnippet));
    }

    [Fact]
    public async Task Without_ffprobe_the_probe_is_E302()
    {
        using var folder = new TestFolder();
        var probe = new FfprobeMediaProbe(new FFmpegLocator(Options.Create(new FFmpegOptions { ProbePath = folder.File("none") }), TimeProvider.System));

        var error = await Assert.ThrowsAsync<JobFailedException>(() => probe.ProbeAsync("/any.wav", CancellationToken.None));

        Assert.Equal(ErrorCodes.FFmpegNotFound, error.Reason.Code);
    }
}
