using System.Diagnostics;
using Aura.Core.Jobs;
using Aura.Core.Orchestration;
using Aura.Core.Rendering;
using Xunit.Abstractions;

namespace Aura.Tests.Orchestration;

public sealed class DemoJobTests(ITestOutputHelper output) : IDisposable
{
    private readonly PipelineHarness _pipeline = new();

    public void Dispose() => _pipeline.Dispose();

    [Fact]
    public void The_demo_asks_for_about_12_seconds_of_720p_at_30_fps_about_a_default_topic_when_none_is_given()
    {
        var demo = DemoJob.Request("   ");

        Assert.Equal(DemoJob.DefaultTopic, demo.Brief.Topic);
        Assert.Equal(TimeSpan.FromSeconds(12), demo.PlanSpec.TargetDuration);
        Assert.Equal((new Resolution(1280, 720), 30), (demo.RenderSpec.Res, demo.RenderSpec.Fps));
        Assert.Equal("Tides", DemoJob.Request(" Tides ").Brief.Topic);
    }

    [Fact]
    public async Task The_demo_makes_its_720p_video_end_to_end_in_well_under_20_seconds()
    {
        var job = _pipeline.Job() with { Request = DemoJob.Request(null) };
        var clock = Stopwatch.StartNew();

        await _pipeline.Orchestrator.RunAsync(job, new ProgressRecorder(), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        clock.Stop();
        var video = await _pipeline.Get<IMediaProbe>().ProbeAsync(Path.Combine(job.WorkFolder, "video.mp4"), CancellationToken.None);
        output.WriteLine($"demo: {video.Duration.TotalSeconds:0.00} s of video made in {clock.Elapsed.TotalSeconds:0.00} s");
        Assert.True(video is { Width: 1280, Height: 720, HasAudio: true }, video.ToString());
        Assert.InRange(video.Duration.TotalSeconds, 9, 15);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(20));
    }
}
