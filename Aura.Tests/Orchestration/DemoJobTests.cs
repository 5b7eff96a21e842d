using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Core.Pipeline;
using Aura.Core.Media.Rendering;

namespace Aura.Tests.Orchestration;

public sealed class DemoJobTests : IDisposable
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

    // How fast the demo is made is the benchmark's figure (bench/, "Quick demo wall time"), measured
    // against a floor in the same run; a test on a busy machine can only say that it is made, and right.
    [Fact]
    public async Task The_demo_makes_its_720p_video_with_sound_end_to_end()
    {
        var job = _pipeline.Job() with { Request = DemoJob.Request(null) };

        await _pipeline.Orchestrator.RunAsync(job, new ProgressRecorder(), CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(3));

        var video = await _pipeline.Get<IMediaProbe>().ProbeAsync(Path.Combine(job.WorkFolder, "video.mp4"), CancellationToken.None);
        Assert.True(video is { Width: 1280, Height: 720, HasAudio: true }, video.ToString());
        Assert.InRange(video.Duration.TotalSeconds, 9, 15);
    }
}
