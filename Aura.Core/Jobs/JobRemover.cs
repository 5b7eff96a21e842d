using Aura.Core.Kernel;
using Aura.Core.Pipeline;
using Aura.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Aura.Core.Jobs;

/// <summary>
/// Removes ended jobs with their files, for a user's delete and for retention. The store records the
/// deletion (a tombstone) with the job's removal, and forgets it once the files are gone: should the
/// process die in between, <see cref="JobRetention.FinishDeletionsAsync"/> removes the files at the next start.
/// </summary>
public sealed partial class JobRemover(IJobStore store, JobFiles files, IJobChangeBus changes, TimeProvider time, ILogger<JobRemover> logger)
{
    /// <summary>Removes an ended job with its files; a job still queued or running is refused.</summary>
    public async Task<DeleteOutcome> DeleteAsync(string jobId, CancellationToken cancellationToken)
    {
        var job = await store.GetAsync(jobId, cancellationToken);
        if (job is null)
            return new DeleteOutcome.NotFound();
        if (!job.IsTerminal)
            return new DeleteOutcome.NotEnded(job);
        try
        {
            await store.DeleteAsync(jobId, time.GetUtcNow(), cancellationToken);
        }
        catch (StoreFullException)
        {
            // The caller wants the files gone anyway, and removing them first may make the room the store needs.
            DeleteFiles(jobId);
            await DeleteOnFullDiskAsync(jobId, cancellationToken);
        }
        if (DeleteFiles(jobId))
            await TryForgetDeletedAsync(jobId);
        changes.Publish(jobId);
        LogDeleted(jobId);
        return new DeleteOutcome.Deleted(job);
    }

    /// <summary>Removes a job's work folder and FFmpeg log; false when some of it could not be removed.</summary>
    internal bool DeleteFiles(string jobId)
    {
        try
        {
            var folder = files.WorkFolderOf(jobId);
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
            // File.Delete fails when the log's folder is missing, as it is before any render ran.
            var log = files.FFmpegLogOf(jobId);
            if (File.Exists(log))
                File.Delete(log);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The job is gone either way; its recorded deletion lets the sweep at the next start take what is left.
            LogFilesKept(ex, jobId);
            return false;
        }
    }

    private async Task DeleteOnFullDiskAsync(string jobId, CancellationToken cancellationToken)
    {
        try
        {
            await store.DeleteAsync(jobId, time.GetUtcNow(), cancellationToken);
        }
        catch (StoreFullException full)
        {
            throw new StoreFullException(
                "The disk that holds the job store is full: the job's files were removed, but the job itself could not be. Delete it again once there is space.",
                full);
        }
    }

    private async Task TryForgetDeletedAsync(string jobId)
    {
        try
        {
            await store.ForgetDeletedAsync(jobId, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The job and its files are gone; a record left behind is forgotten by the sweep at the next start.
            LogForgetFailed(ex, jobId);
        }
    }

    [LoggerMessage(LogLevel.Information, "Job {JobId} deleted with its files")]
    private partial void LogDeleted(string jobId);

    [LoggerMessage(LogLevel.Warning, "Files of deleted job {JobId} could not all be removed")]
    private partial void LogFilesKept(Exception error, string jobId);

    [LoggerMessage(LogLevel.Warning, "The recorded deletion of job {JobId} could not be forgotten; the next start does it")]
    private partial void LogForgetFailed(Exception error, string jobId);
}
