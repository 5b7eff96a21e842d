using System.Text.Json;
using Aura.Api.Contracts;
using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Core.Storage;
using Aura.Tests.Support;
using static Aura.Tests.Storage.StoredJobs;

namespace Aura.Tests.Storage;

// History: kept whole while a job runs, compacted once it ends, and a resume still gets all it missed.
public abstract partial class JobStoreContract
{
    private static readonly JobStage[] WorkStages = [JobStage.Script, JobStage.Voice, JobStage.Visuals, JobStage.Compose, JobStage.Rendering];

    /// <summary>
    /// Saves a long job as the runner would (many progress reports per stage, a warning, artifacts, a
    /// resume mid-render), with another job's saves in between; returns every state it was saved in.
    /// </summary>
    protected async Task<List<JobSnapshot>> SaveLongJobAsync(string jobId, JobChange end)
    {
        var saved = new List<JobSnapshot> { await Store.AddAsync(jobId) };
        var other = await Store.AddAsync(jobId + "-other");
        async Task Apply(JobChange change)
        {
            Assert.True(JobStateMachine.TryApply(saved[^1], change, saved[^1].UpdatedAt.AddSeconds(1), out var next, out var why), why);
            saved.Add(await Store.SaveAsync(next, saved[^1].Version, None));
            if (saved.Count % 7 == 0)
                other = await Store.NextAsync(other, j => j with { Message = "other " + saved.Count });
        }

        await Apply(new JobChange.Started(1));
        foreach (var stage in WorkStages)
        {
            await Apply(new JobChange.StageEntered(stage, $"{stage} started"));
            for (var percent = 5; percent <= 100; percent += stage == JobStage.Rendering ? 1 : 10)
            {
                await Apply(new JobChange.Progress(percent, $"{stage} at {percent} %", 100 - percent));
                if (stage == JobStage.Rendering && percent == 40)
                    await Apply(new JobChange.Started(2)); // a restart resumed the render
            }
            if (stage == JobStage.Voice)
                await Apply(new JobChange.Warned("espeak-ng is missing; narration is silent"));
            await Apply(new JobChange.ArtifactWritten(TestJobs.Artifact($"{stage}.out", stage)));
        }
        await Apply(end);
        return saved;
    }

    [Fact]
    public async Task A_running_jobs_history_is_kept_whole()
    {
        var saved = await SaveLongJobAsync("a", new JobChange.Warned("still running"));

        foreach (var state in saved)
            AssertSameJob(state, await Store.GetAsOfAsync("a", state.Version, None));
    }

    [Theory]
    [InlineData(JobStatus.Succeeded)]
    [InlineData(JobStatus.Failed)]
    [InlineData(JobStatus.Canceled)]
    public async Task An_ended_jobs_history_keeps_the_first_and_last_state_of_each_step_and_the_end(JobStatus endStatus)
    {
        var saved = await SaveLongJobAsync("a", EndIn(endStatus));

        var kept = new HashSet<long>();
        foreach (var state in saved)
            kept.Add((await Store.GetAsOfAsync("a", state.Version, None))!.Version);

        // A step: one status, stage and attempt. Every change of step and the last progress of each is kept.
        var steps = saved.GroupBy(s => (s.Status, s.Stage, s.Attempt)).ToList();
        Assert.All(steps, step => Assert.Contains(step.First().Version, kept));
        Assert.All(steps, step => Assert.Contains(step.Last().Version, kept));
        Assert.True(kept.Count <= 2 * steps.Count, $"{kept.Count} snapshots kept of {saved.Count}, for {steps.Count} steps");
        Assert.True(saved.Count > 5 * kept.Count, $"only {saved.Count - kept.Count} of {saved.Count} snapshots were dropped");
        AssertSameJob(saved[^1], await Store.GetAsOfAsync("a", saved[^1].Version, None));
        AssertSameJob(saved[^1], await Store.GetAsync("a", None));
    }

    [Theory]
    [InlineData(JobStatus.Succeeded)]
    [InlineData(JobStatus.Failed)]
    [InlineData(JobStatus.Canceled)]
    public async Task A_client_resuming_from_any_number_of_an_ended_job_is_sent_all_it_missed(JobStatus endStatus)
    {
        var saved = await SaveLongJobAsync("a", EndIn(endStatus));
        var end = saved[^1];

        for (var version = saved[0].Version; version < end.Version; version++)
        {
            // What the client missed: the diff from the state it really saw, had nothing been compacted.
            var seen = saved.Last(s => s.Version <= version);
            var missed = Described(JobDiff.Compute(seen, end));
            var sent = Described(JobDiff.Compute(await Store.GetAsOfAsync("a", version, None), end));

            Assert.Empty(missed.Except(sent));
            Assert.Contains(Describe(JobDiff.Compute(null, end)[^1]), sent); // the terminal event
            Assert.Contains(sent, e => e.StartsWith("step-progress", StringComparison.Ordinal) && e.Contains($"\"ProgressPct\":{end.Percent},", StringComparison.Ordinal));
        }
    }

    protected static JobChange EndIn(JobStatus status) => status switch
    {
        JobStatus.Succeeded => new JobChange.Succeeded("Video ready"),
        JobStatus.Failed => new JobChange.Failed(new FailureReason(ErrorCodes.Internal, "It broke", "Try again")),
        _ => new JobChange.Canceled("Canceled by request"),
    };

    private static List<string> Described(IEnumerable<JobEvent> events) => events.Select(Describe).ToList();

    /// <summary>An event as its name and every field it sends, so two events compare by what a client receives.</summary>
    private static string Describe(JobEvent e) => e.Name + " " + JsonSerializer.Serialize(e, e.GetType());
}
