using Aura.Core.Jobs;
using Aura.Core.Kernel;

namespace Aura.Tests.Jobs;

public sealed class JobPhasesTests
{
    [Theory]
    [InlineData(JobStage.Script, 0, 0)]
    [InlineData(JobStage.Script, 100, 15)]
    [InlineData(JobStage.Voice, 50, 25)]
    [InlineData(JobStage.Visuals, 0, 35)]
    [InlineData(JobStage.Visuals, 100, 65)]
    [InlineData(JobStage.Compose, 50, 75)]
    [InlineData(JobStage.Rendering, 0, 85)]
    [InlineData(JobStage.Rendering, 100, 100)]
    public void A_stage_percent_is_mapped_into_its_phase_range(JobStage stage, double stagePercent, int jobPercent) =>
        Assert.Equal(jobPercent, JobPhases.MapPercent(stage, stagePercent));

    [Theory]
    [InlineData(-20, 15)]
    [InlineData(250, 35)]
    [InlineData(double.NaN, 15)]
    public void Out_of_range_stage_percents_are_clamped(double stagePercent, int jobPercent) =>
        Assert.Equal(jobPercent, JobPhases.MapPercent(JobStage.Voice, stagePercent));

    [Fact]
    public void Each_stage_has_the_contracts_phase()
    {
        Assert.Equal(["plan", "plan", "tts", "visuals", "compose", "render", "complete"],
            Enum.GetValues<JobStage>().Select(JobPhases.PhaseOf));
    }

    [Fact]
    public void The_phase_ranges_follow_each_other_without_gaps()
    {
        var ranges = JobPhases.WorkStages.Select(JobPhases.RangeOf).ToList();
        Assert.Equal(0, ranges[0].Start);
        Assert.Equal(100, ranges[^1].End);
        for (var i = 1; i < ranges.Count; i++)
            Assert.Equal(ranges[i - 1].End, ranges[i].Start);
    }
}
