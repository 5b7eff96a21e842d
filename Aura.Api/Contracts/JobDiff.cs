using Aura.Core.Kernel;

namespace Aura.Api.Contracts;

/// <summary>
/// The polling diff: what a client that last saw <c>before</c> must be told to know <c>after</c>.
/// Pure. <c>before</c> = null is a first connection: it diffs against a fresh queued job and
/// always starts with <c>job-status</c>. Order: job-status, step-status (every stage passed, in
/// order, never skipped), step-progress, warnings, artifacts, and last the one terminal event.
/// </summary>
public static class JobDiff
{
    public static IReadOnlyList<JobEvent> Compute(JobSnapshot? before, JobSnapshot after)
    {
        var events = new List<JobEvent>();
        var at = after.UpdatedAt;
        var (id, cid) = (after.JobId, after.CorrelationId);
        var (fromStatus, fromStage) = before is null ? (JobStatus.Queued, JobStage.Queued) : (before.Status, before.Stage);

        if (before is null || before.Status != after.Status)
            events.Add(new JobStatusEvent(id, after.Status, after.Stage, after.Phase, after.Percent, cid, at));

        if (after.Stage != fromStage || (after.IsTerminal && fromStatus != after.Status))
            AddStepStatuses(events, fromStage, after);

        // The contract sends progress on a change of percent or message; an ETA that alone moved rides along with the next one.
        if (before is null || before.Percent != after.Percent || before.Message != after.Message)
            events.Add(new StepProgressEvent(id, after.Stage, after.Phase, after.Percent, after.Message, after.EtaSeconds, cid, at));

        foreach (var warning in after.Warnings.Skip(before?.Warnings.Count ?? 0))
            events.Add(new WarningEvent(id, warning.Stage, warning.Message, cid, at));

        foreach (var artifact in after.Artifacts.Where(a => !Seen(before, a)))
            events.Add(new ArtifactWrittenEvent(id, artifact.Stage, ArtifactResponse.Of(id, artifact), cid, at));

        if (after.IsTerminal && (before is null || !before.IsTerminal))
            events.Add(TerminalEvent(after));

        return events;
    }

    /// <summary>
    /// A step-status for every stage passed since <paramref name="fromStage"/> (Succeeded), then one
    /// for the stage the job is in now, with the status it has there.
    /// </summary>
    private static void AddStepStatuses(List<JobEvent> events, JobStage fromStage, JobSnapshot after)
    {
        for (var stage = fromStage; stage < after.Stage; stage++)
        {
            if (stage != JobStage.Queued)
                events.Add(new StepStatusEvent(after.JobId, stage, JobPhases.PhaseOf(stage), JobStatus.Succeeded, after.CorrelationId, after.UpdatedAt));
        }

        if (after.Stage == JobStage.Queued && !after.IsTerminal)
            return;
        events.Add(new StepStatusEvent(after.JobId, after.Stage, after.Phase, after.Status, after.CorrelationId, after.UpdatedAt));
    }

    private static bool Seen(JobSnapshot? before, JobArtifact artifact) =>
        before?.FindArtifact(artifact.Name) is { } old && old == artifact;

    private static JobEvent TerminalEvent(JobSnapshot job) => job.Status switch
    {
        JobStatus.Succeeded => new JobCompletedEvent(job.JobId, job.Status,
            job.Artifacts.Select(a => ArtifactResponse.Of(job.JobId, a)).ToList(), JobOutput.Of(job), job.CorrelationId, job.UpdatedAt),
        JobStatus.Failed => new JobFailedEvent(job.JobId, job.Status, job.Stage,
            job.Failure is { } f ? [new EventError(f.Code, f.Message, f.Remediation)] : [],
            job.Failure?.StderrSnippet, job.Failure?.LogPath, job.CorrelationId, job.UpdatedAt),
        JobStatus.Canceled => new JobCancelledEvent(job.JobId, job.Status, job.Stage, job.Message, job.CorrelationId, job.UpdatedAt),
        _ => throw new ArgumentOutOfRangeException(nameof(job), job.Status, "not a terminal status"),
    };
}
