using Aura.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Aura.Core.Jobs;

// Removing jobs: on request, by age (retention), and the folders of jobs that no longer exist.
public sealed partial class JobRunner
{
    /// <summary>Removes an ended job with its files; a job still queued or running is refused.</summary>
    public async Task<DeleteOutcome> DeleteJobAsync(string jobId, CancellationToken cancellationToken)
    {
        var job = await store.GetAsync(jobId, cancellationToken);
        if (job is null)
            return new DeleteOutcome.NotFound();
        if (!job.IsTerminal)
            return new DeleteOutcome.NotEnded(job);
        try
        {
            await store.DeleteAsync(jobId, cancellationToken);
        }
        catch (StoreFullException)
        {
            // The caller wants the files gone anyway, and removing them first may make the room the store needs.
            DeleteFiles(jobId);
            await DeleteOnFullDiskAsync(jobId, cancellationToken);
        }
        DeleteFiles(jobId);
        signal.Raise(jobId);
        LogDeleted(jobId);
        return new DeleteOutcome.Deleted(job);
    }

    /// <summary>Removes ended jobs older than the retention, and idempotency keys past their lifetime.</summary>
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
        return removed;
    }

    /// <summary>Removes work folders whose job is gone (a crash between deleting the job and its files).</summary>
    public async Task<int> RemoveOrphanFoldersAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(_options.JobsFolder))
            return 0;
        var removed = 0;
        foreach (var folder in Directory.EnumerateDirectories(_options.JobsFolder))
        {
            var jobId = Path.GetFileName(folder);
            if (await store.GetAsync(jobId, cancellationToken) is not null)
                continue;
            DeleteFiles(jobId);
            removed++;
        }
        return removed;
    }

    private async Task DeleteOnFullDiskAsync(string jobId, CancellationToken cancellationToken)
    {
        try
        {
            await store.DeleteAsync(jobId, cancellationToken);
        }
        catch (StoreFullException full)
        {
            throw new StoreFullException(
                "The disk that holds the job store is full: the job's files were removed, but the job itself could not be. Delete it again once there is space.",
                full);
        }
    }

    private void DeleteFiles(string jobId)
    {
        try
        {
            var folder = _options.WorkFolderOf(jobId);
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
            File.Delete(_options.FFmpegLogOf(jobId));
        }
        catch (IOException ex)
        {
            // The job is gone either way; the orphan sweep at the next start takes what is left.
            LogFilesKept(ex, jobId);
        }
    }

    [LoggerMessage(LogLevel.Information, "Job {JobId} deleted with its files")]
    private partial void LogDeleted(string jobId);

    [LoggerMessage(LogLevel.Warning, "Files of deleted job {JobId} could not all be removed")]
    private partial void LogFilesKept(Exception error, string jobId);
}

/// <summary>The answer to a delete request.</summary>
public abstract record DeleteOutcome
{
    private DeleteOutcome() { }

    public sealed record Deleted(JobSnapshot Job) : DeleteOutcome;

    public sealed record NotEnded(JobSnapshot Job) : DeleteOutcome;

    public sealed record NotFound : DeleteOutcome;
}
