using Aura.Core.Kernel;
using Aura.Core.Pipeline;
using Aura.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Aura.Core.Jobs;

/// <summary>
/// Runs one claimed job as its next attempt: writes <c>Started</c>, runs the orchestrator with the job's
/// <see cref="JobContext"/> and writes how it ended (a run that went wrong ends through <see cref="JobEnding"/>).
/// The run stops on a cancel, a stall, its maximum duration, the process's stop, or the claim being lost.
/// </summary>
internal sealed partial class JobAttemptRunner(
    IJobStore store,
    IVideoOrchestrator orchestrator,
    JobFiles files,
    JobStateWriter writer,
    RunningJobs running,
    JobEnding ending,
    TimeProvider time,
    JobRunnerOptions options,
    ILogger logger)
{
    /// <summary>Runs the job <paramref name="claim"/> holds; says how the job is left for the queue.</summary>
    public async Task<JobClaimEnd> RunAsync(JobClaim claim, CancellationToken stopping)
    {
        var jobId = claim.JobId;
        var job = await store.GetAsync(jobId, stopping);
        if (job is null || job.IsTerminal)
            return JobClaimEnd.Ended;

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["JobId"] = job.JobId, ["CorrelationId"] = job.CorrelationId });
        // Writes after the claim is lost would be another worker's to make: giving up on them ends with the process's stop or the loss.
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(stopping, claim.Lost);
        var attempt = job.Attempt + 1;
        if (attempt > options.MaxAttempts)
        {
            // Worded for both causes this branch cannot tell apart: a stop or crash of the service, and (on Redis)
            // a worker killed or cut off whose lease ran out.
            return await ending.WriteEndAsync(claim, new JobChange.Failed(new FailureReason(ErrorCodes.Interrupted,
                $"The job's run was interrupted {job.Attempt} time(s) (the service stopped or its worker was lost); it is not tried again.",
                "Create the job again.")), giveUp.Token) ? JobClaimEnd.Ended : JobClaimEnd.Interrupted;
        }

        using var run = new RunCancellation(time, options, stopping, () => _ = WarnStalledAsync(claim), claim.Lost);
        using var registration = running.Add(jobId, run);
        try
        {
            if (await writer.ApplyAsync(jobId, new JobChange.Started(attempt), claim, giveUp.Token) is not { Status: JobStatus.Running } started)
                return JobClaimEnd.Ended;
            LogStarted(jobId, attempt);
            var context = new JobContext(jobId, started.CorrelationId, started.Request,
                Directory.CreateDirectory(files.WorkFolderOf(jobId)).FullName,
                Path.GetFullPath(files.FFmpegLogOf(jobId)), attempt);
            await orchestrator.RunAsync(context, new JobProgressReporter(writer, claim, run), run.Token);
            await writer.ApplyAsync(jobId, new JobChange.Succeeded("Video ready"), claim, CancellationToken.None);
            LogFinished(jobId, nameof(JobStatus.Succeeded));
            return JobClaimEnd.Ended;
        }
        catch (Exception ex) when (run.ClaimLost || ex is StaleClaimException)
        {
            // Another worker may own the job now (the lease ran out, or the store refused this claim's write):
            // this one stops and writes nothing more, not even an end.
            LogClaimLost(jobId, ex.GetType().Name);
            return JobClaimEnd.Interrupted;
        }
        catch (Exception ex) when (!stopping.IsCancellationRequested || run.CancelRequested)
        {
            return await ending.EndAfterErrorAsync(claim, ex, run, giveUp.Token) ? JobClaimEnd.Ended : JobClaimEnd.Interrupted;
        }
        catch (Exception ex)
        {
            // The process is stopping: the job is left Running on purpose, exactly as after a kill -9, and
            // the next start resumes it. Whatever the stop broke on the way (a child that got the same
            // signal, a canceled write) is part of the interruption, not the job's failure.
            LogInterrupted(jobId, ex.GetType().Name);
            return JobClaimEnd.Interrupted;
        }
    }

    /// <summary>The stall warning: told to the job's followers as a <c>warning</c> event; the job keeps running.</summary>
    private async Task WarnStalledAsync(JobClaim claim)
    {
        var jobId = claim.JobId;
        try
        {
            LogStallWarning(jobId, options.StallWarning);
            await writer.ApplyAsync(jobId, new JobChange.Warned(
                $"No progress for {options.StallWarning}; the job fails if none comes within {options.StallTimeout} (Jobs:StallTimeout)."),
                claim, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A warning that cannot be written (a full disk) must not end the job: the stall timeout still stands.
            LogWarningNotWritten(ex, jobId);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Job {JobId} reported no progress for {Quiet}")]
    private partial void LogStallWarning(string jobId, TimeSpan quiet);

    [LoggerMessage(LogLevel.Information, "Job {JobId} started (attempt {Attempt})")]
    private partial void LogStarted(string jobId, int attempt);

    [LoggerMessage(LogLevel.Information, "Job {JobId} interrupted by the service's stop ({Error}); it resumes at the next start")]
    private partial void LogInterrupted(string jobId, string error);

    [LoggerMessage(LogLevel.Warning, "Job {JobId} stopped: this worker's claim on it was lost ({Error}); it writes nothing more")]
    private partial void LogClaimLost(string jobId, string error);

    [LoggerMessage(LogLevel.Information, "Job {JobId} ended {Status}")]
    private partial void LogFinished(string jobId, string status);

    [LoggerMessage(LogLevel.Error, "Worker error on job {JobId}")]
    private partial void LogWarningNotWritten(Exception error, string jobId);
}
