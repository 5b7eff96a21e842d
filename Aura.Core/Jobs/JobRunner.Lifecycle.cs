using Aura.Core.Storage;
using Microsoft.Extensions.Logging;
using Aura.Core.Kernel;
using Aura.Core.Pipeline;

namespace Aura.Core.Jobs;

/// <summary>The answer to a delete request.</summary>
public abstract record DeleteOutcome
{
    private DeleteOutcome() { }

    public sealed record Deleted(JobSnapshot Job) : DeleteOutcome;

    public sealed record NotEnded(JobSnapshot Job) : DeleteOutcome;

    public sealed record NotFound : DeleteOutcome;
}

// Removing jobs: on request, by age (retention), and finishing deletions a crash interrupted.
public sealed partial class JobRunner
{
    /// <summary>
    /// Removes an ended job with its files; a job still queued or running is refused. The store
    /// records the deletion with the job's removal, and forgets it once the files are gone: should the
    /// process die in between, <see cref="FinishDeletionsAsync"/> removes the files at the next start.
    /// </summary>
    public async Task<DeleteOutcome> DeleteJobAsync(string jobId, CancellationToken cancellationToken)
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
        _changes.Publish(jobId);
        LogDeleted(jobId);
        return new DeleteOutcome.Deleted(job);
    }

    /// <summary>Removes ended jobs older than the retention, idempotency keys past their lifetime, and deletions as old as the retention.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var removed = 0;
        IReadOnlyList<JobSnapshot> old;
        do
        {
            old = await store.ListTerminalBeforeAsync(now.AddDays(-_options.RetentionDays), 100, cancellationToken);
            foreach (var job in old)
                removed += await DeleteJobAsync(job.JobId, cancellationToken) is DeleteOutcome.Deleted ? 1 : 0;
        }
        while (old.Count == 100);
        await store.RemoveExpiredIdempotencyKeysAsync(now, cancellationToken);
        // Deletions are announced to resuming streams for as long as ended jobs themselves are kept.
        await store.PruneDeletionsAsync(now.AddDays(-_options.RetentionDays), cancellationToken);
        return removed;
    }

    /// <summary>
    /// Finishes deletions that a crash interrupted: removes the files of the jobs whose deletion the
    /// store recorded, then forgets those records. Never deletes on the strength of absence: a job
    /// folder the store neither knows nor recorded as deleted is kept and counted, because the store
    /// may be new, empty or another one (a lost database must not cost the user's videos).
    /// </summary>
    public async Task<FolderSweep> FinishDeletionsAsync(CancellationToken cancellationToken)
    {
        var removed = 0;
        foreach (var jobId in await store.ListDeletedAsync(cancellationToken))
        {
            // A job stored again under the id (it cannot happen with generated ids) keeps its files.
            if (await store.GetAsync(jobId, cancellationToken) is null)
            {
                var existed = Directory.Exists(files.WorkFolderOf(jobId));
                if (!DeleteFiles(jobId))
                    continue;
                removed += existed ? 1 : 0;
            }
            await store.ForgetDeletedAsync(jobId, cancellationToken);
        }

        var unknown = 0;
        if (Directory.Exists(files.JobsFolder))
        {
            foreach (var folder in Directory.EnumerateDirectories(files.JobsFolder))
                unknown += await store.GetAsync(Path.GetFileName(folder), cancellationToken) is null ? 1 : 0;
        }
        var storeKnowsNoJobs = unknown > 0 && (await store.ListAsync(JobQuery.All(limit: 1), cancellationToken)).Count == 0;
        return new FolderSweep(removed, unknown, storeKnowsNoJobs);
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

    /// <summary>Removes a job's work folder and FFmpeg log; false when some of it could not be removed.</summary>
    private bool DeleteFiles(string jobId)
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
