namespace Aura.Core.Kernel;

/// <summary>
/// The one place that knows how a job may change. Rules: a terminal status is final; the stage
/// only moves forward; the percent never goes down and reads 100 only once the job succeeded.
/// The returned snapshot carries no new version yet: the store assigns it when it is kept.
/// </summary>
public static class JobStateMachine
{
    /// <summary>The highest percent a job shows before it has succeeded.</summary>
    public const int MaxRunningPercent = 99;

    public static JobSnapshot NewJob(string jobId, string correlationId, JobRequest request, DateTimeOffset now) => new()
    {
        JobId = jobId,
        CorrelationId = correlationId,
        Request = request,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>Applies <paramref name="change"/>, or says why it does not apply.</summary>
    public static bool TryApply(JobSnapshot job, JobChange change, DateTimeOffset now, out JobSnapshot next, out string? rejection)
    {
        rejection = Check(job, change);
        next = rejection is null ? Apply(job, change, now) with { UpdatedAt = now } : job;
        return rejection is null;
    }

    private static string? Check(JobSnapshot job, JobChange change)
    {
        if (job.IsTerminal)
            return $"job is {job.Status}; a terminal status is final";

        return change switch
        {
            JobChange.Started s when s.Attempt <= job.Attempt => $"attempt {s.Attempt} is not after attempt {job.Attempt}",
            JobChange.Started => null,
            JobChange.Warned or JobChange.Failed or JobChange.Canceled => null,
            _ when job.Status != JobStatus.Running => $"{change.GetType().Name} needs a running job, not {job.Status}",
            JobChange.StageEntered e when !JobPhases.WorkStages.Contains(e.Stage) => $"{e.Stage} is not a work stage",
            JobChange.StageEntered e when e.Stage < job.Stage => $"stage cannot go back from {job.Stage} to {e.Stage}",
            JobChange.Progress when !JobPhases.WorkStages.Contains(job.Stage) => "progress needs a work stage",
            JobChange.Progress { Stage: { } s } when s != job.Stage => $"progress of {s} while the job is in {job.Stage}",
            _ => null,
        };
    }

    private static JobSnapshot Apply(JobSnapshot job, JobChange change, DateTimeOffset now) => change switch
    {
        JobChange.Started s => job with
        {
            Status = JobStatus.Running,
            Attempt = s.Attempt,
            StartedAt = job.StartedAt ?? now,
            Message = s.Attempt == 1 ? "Started" : $"Resumed (attempt {s.Attempt})",
            EtaSeconds = null,
        },
        JobChange.StageEntered e => job with
        {
            Stage = e.Stage,
            Percent = PercentNeverBack(job.Percent, JobPhases.RangeOf(e.Stage).Start),
            Message = e.Message,
            EtaSeconds = null,
        },
        JobChange.Progress p => job with
        {
            Percent = PercentNeverBack(job.Percent, JobPhases.MapPercent(job.Stage, p.StagePercent)),
            Message = p.Message,
            EtaSeconds = p.EtaSeconds is { } eta ? Math.Max(0, eta) : null,
        },
        JobChange.Warned w => job with { Warnings = job.Warnings.Add(new JobWarning(job.Stage, w.Message, now)) },
        // The same file announced again (a resumed stage) is no change.
        JobChange.ArtifactWritten a when job.FindArtifact(a.Artifact.Name) == a.Artifact => job,
        JobChange.ArtifactWritten a => job with
        {
            Artifacts = job.Artifacts.RemoveAll(x => x.Name == a.Artifact.Name).Add(a.Artifact),
        },
        JobChange.Succeeded s => job with
        {
            Status = JobStatus.Succeeded,
            Stage = JobStage.Complete,
            Percent = 100,
            Message = s.Message,
            EtaSeconds = 0,
            CompletedAt = now,
        },
        JobChange.Failed f => job with
        {
            Status = JobStatus.Failed,
            Message = f.Reason.Message,
            EtaSeconds = null,
            Failure = new JobFailure(f.Reason.Code, f.Reason.Message, f.Reason.Remediation, job.Stage, now,
                f.Reason.StderrSnippet, f.Reason.LogPath),
            CompletedAt = now,
        },
        JobChange.Canceled c => job with
        {
            Status = JobStatus.Canceled,
            Message = c.Message,
            EtaSeconds = null,
            CompletedAt = now,
        },
        _ => throw new ArgumentOutOfRangeException(nameof(change), change, "unknown change"),
    };

    // A running job's percent only moves forward, and stays below 100 until it succeeds.
    private static int PercentNeverBack(int current, int proposed) => Math.Max(current, Math.Min(proposed, MaxRunningPercent));
}
