using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Core.Pipeline;
using Aura.Core.Media.Rendering;

namespace Aura.Tests.Orchestration;

// The video keeps its target duration (within the contract's 15 %), measured with ffprobe on the real
// pipeline's output: espeak-ng speaks, FFmpeg encodes.
public sealed class TargetDurationTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(180);
    private readonly PipelineHarness _pipeline = new();

    public void Dispose() => _pipeline.Dispose();

    private async Task<(TimeSpan Video, ProgressRecorder Progress)> RunAsync(JobContext job)
    {
        var progress = new ProgressRecorder();
        await _pipeline.Orchestrator.RunAsync(job, progress, CancellationToken.None).WaitAsync(Limit);
        var video = await _pipeline.Get<IMediaProbe>().ProbeAsync(Path.Combine(job.WorkFolder, WorkLayout.VideoName), CancellationToken.None);
        return (video.Duration, progress);
    }

    private JobContext Job(string topic, double seconds)
    {
        var job = _pipeline.Job(topic);
        return job with { Request = job.Request with { PlanSpec = new PlanSpec(TimeSpan.FromSeconds(seconds)) } };
    }

    private static void AssertWithinTolerance(TimeSpan video, double seconds) =>
        Assert.InRange(video.TotalSeconds, seconds * (1 - NarrationFit.Tolerance), seconds * (1 + NarrationFit.Tolerance));

    [Fact]
    public async Task A_5_second_target_with_a_500_character_topic_gives_about_5_seconds()
    {
        var topic = string.Join(' ', Enumerable.Repeat("Why the tides rise and fall twice every day along the coast", 9))[..500];

        var (video, progress) = await RunAsync(Job(topic, 5));

        AssertWithinTolerance(video, 5);
        Assert.Empty(progress.Warnings);
    }

    [Fact]
    public async Task The_12_second_quick_demo_with_a_96_character_topic_slow_to_say_gives_about_12_seconds()
    {
        const string topic = "00:00:05,000 --> 00:09:59,000 at 1,234,567 cells: photosynthesis & electrochemistry, explained!!";
        Assert.Equal(96, topic.Length);

        var (video, progress) = await RunAsync(_pipeline.Job() with { Request = DemoJob.Request(topic) });

        AssertWithinTolerance(video, DemoJob.Length.TotalSeconds);
        Assert.Empty(progress.Warnings);
    }

    [Fact]
    public async Task A_30_second_target_with_a_short_topic_is_padded_up_to_about_30_seconds()
    {
        var (video, progress) = await RunAsync(Job("Tides", 30));

        AssertWithinTolerance(video, 30);
        Assert.Empty(progress.Warnings);
    }

    [Fact]
    public async Task A_topic_that_takes_longer_to_say_than_the_target_even_cut_short_still_makes_a_video_and_says_so()
    {
        var job = Job("1234567890", 5); // espeak-ng reads it as a number for over 6 s

        var (video, progress) = await RunAsync(job);

        Assert.True(video > TimeSpan.FromSeconds(5 * (1 + NarrationFit.Tolerance)), video.ToString());
        var warning = Assert.Single(progress.Warnings);
        Assert.StartsWith("The narration takes ", warning, StringComparison.Ordinal);
        Assert.Contains("longer than the 5 s target", warning, StringComparison.Ordinal);
        Assert.Equal(JobStage.Voice, progress.All.OfType<ProgressRecorder.Said.Warning>().Single().Stage);
    }
}
