using Aura.Core.Pipeline;
using Aura.Core.Storage;
using Microsoft.Extensions.Logging;
using Aura.Core.Kernel;

namespace Aura.Core.Jobs;

/// <summary>
/// Ending a run in a status that tells the truth, even on a full disk. The end is written again and
/// again, waiting longer each time, until the store takes it: a job is never left Running while this
/// process lives. Only a stopping process (or a worker whose claim was lost) gives up, and the job runs
/// again as its next attempt.
/// </summary>
internal sealed partial class JobEnding(JobStateWriter writer, JobFiles files, TimeProvider time, JobRunnerOptions options, ILogger logger)
{
    /// <summary>The wait before the second try of an end write; it doubles up to <see cref="LongestEndRetry"/>.</summary>
    internal static readonly TimeSpan FirstEndRetry = TimeSpan.FromMilliseconds(250);

    internal static readonly TimeSpan LongestEndRetry = TimeSpan.FromSeconds(30);

    /// <summary>Writes the end <paramref name="error"/> calls for; false when it was given up (see <see cref="WriteEndAsync"/>).</summary>
    public async Task<bool> EndAfterErrorAsync(JobClaim claim, Exception error, RunCancellation run, CancellationToken stopping)
    {
        var jobId = claim.JobId;
        var end = EndFor(error, run);
        if (end is JobChange.Failed)
            LogFailed(error, jobId);
        // A full disk: the job's partial files are of no use now, and removing them makes room to write the failure.
        if (end is JobChange.Failed { Reason.Code: ErrorCodes.DiskFull } failed && DeletePartialFiles(jobId))
            end = new JobChange.Failed(failed.Reason with { Message = failed.Reason.Message + " The job's partial files were removed to make room." });
        if (!await WriteEndAsync(claim, end, stopping))
            return false;
        LogFinished(jobId, end is JobChange.Canceled ? nameof(JobStatus.Canceled) : nameof(JobStatus.Failed));
        return true;
    }

    private JobChange EndFor(Exception error, RunCancellation run) => error switch
    {
        OperationCanceledException when run.CancelRequested => new JobChange.Canceled("Canceled by request"),
        OperationCanceledException when run.TimedOut => new JobChange.Failed(new FailureReason(ErrorCodes.JobStalled,
            $"The job ran longer than {options.MaxDuration} (Jobs:MaxDuration).", "Make the video shorter, or raise Jobs:MaxDuration, then try again.")),
        OperationCanceledException when run.Stalled => new JobChange.Failed(new FailureReason(ErrorCodes.JobStalled,
            $"The job reported no progress for {options.StallTimeout}.", "Check the FFmpeg log and the service log, then try again.")),
        JobFailedException failed => new JobChange.Failed(failed.Reason),
        StoreFullException => new JobChange.Failed(new FailureReason(ErrorCodes.DiskFull,
            "The disk that holds the job store filled up: the job's progress could not be saved.", DiskFullAdvice.ThenRunAgain)),
        IOException io when DiskFull.Is(io) => new JobChange.Failed(new FailureReason(ErrorCodes.DiskFull,
            "The disk filled up while the job wrote its files.", DiskFullAdvice.ThenRunAgain)),
        _ => new JobChange.Failed(new FailureReason(ErrorCodes.Internal, $"Unexpected error: {error.Message}",
            "See the service log for details; try the job again.")),
    };

    /// <summary>
    /// Writes the end of a run until the store takes it, waiting <see cref="FirstEndRetry"/>, then twice
    /// as long each time (on the injected clock), between tries. A full store first gets the job's
    /// partial files removed. False when <paramref name="stopping"/> fires (the process stops, or the
    /// claim is lost) before the end could be written, or when the store refuses the write because
    /// <paramref name="claim"/> is no longer the job's (the job is another worker's to end).
    /// </summary>
    public async Task<bool> WriteEndAsync(JobClaim claim, JobChange end, CancellationToken stopping)
    {
        var jobId = claim.JobId;
        var wait = FirstEndRetry;
        var freed = false;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await writer.ApplyAsync(jobId, end, claim, CancellationToken.None);
                return true;
            }
            catch (StaleClaimException)
            {
                LogEndRefused(jobId);
                return false;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogEndNotWritten(ex, jobId, attempt, wait);
                if (ex is StoreFullException && !freed)
                {
                    freed = true;
                    if (DeletePartialFiles(jobId))
                        continue;
                }
            }

            try
            {
                await Task.Delay(wait, time, stopping);
            }
            catch (OperationCanceledException)
            {
                LogEndLeftForNextStart(jobId);
                return false;
            }
            wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, LongestEndRetry.Ticks));
        }
    }

    /// <summary>Removes the job's work folder (its partial files; the FFmpeg log stays). True when there was one to remove.</summary>
    private bool DeletePartialFiles(string jobId)
    {
        var folder = files.WorkFolderOf(jobId);
        try
        {
            if (!Directory.Exists(folder))
                return false;
            Directory.Delete(folder, recursive: true);
            LogPartialFilesDeleted(jobId);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogPartialFilesKept(ex, jobId);
            return false;
        }
    }

    [LoggerMessage(LogLevel.Warning, "The end of job {JobId} could not be written (try {Attempt}); trying again in {Wait}")]
    private partial void LogEndNotWritten(Exception error, string jobId, int attempt, TimeSpan wait);

    [LoggerMessage(LogLevel.Warning, "The run of job {JobId} stops before its end could be written (the service stops, or the claim on it was lost); it runs again as its next attempt")]
    private partial void LogEndLeftForNextStart(string jobId);

    [LoggerMessage(LogLevel.Warning, "The end of job {JobId} was refused: this worker's claim on it is no longer the job's; the worker that holds it now ends it")]
    private partial void LogEndRefused(string jobId);

    [LoggerMessage(LogLevel.Information, "Partial files of job {JobId} removed to make room on a full disk")]
    private partial void LogPartialFilesDeleted(string jobId);

    [LoggerMessage(LogLevel.Warning, "Partial files of job {JobId} could not be removed")]
    private partial void LogPartialFilesKept(Exception error, string jobId);

    [LoggerMessage(LogLevel.Information, "Job {JobId} ended {Status}")]
    private partial void LogFinished(string jobId, string status);

    [LoggerMessage(LogLevel.Warning, "Job {JobId} failed")]
    private partial void LogFailed(Exception error, string jobId);
}
