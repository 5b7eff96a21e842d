using Aura.Core.Kernel;
using Aura.Core.Pipeline;
using Aura.Core.Storage;
using Microsoft.Extensions.Options;

namespace Aura.Core.Jobs;

/// <summary>
/// Keeping the store and the jobs folder to the retention: old ended jobs, expired idempotency keys and
/// old tombstones go; deletions a crash interrupted are finished. Run by <see cref="JobMaintenanceService"/>.
/// </summary>
public sealed class JobRetention(IJobStore store, JobRemover remover, JobFiles files, TimeProvider time, IOptions<JobRunnerOptions> options)
{
    private const int PageSize = 100;
    private readonly JobRunnerOptions _options = options.Value;

    /// <summary>Removes ended jobs older than the retention, idempotency keys past their lifetime, and deletions as old as the retention.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var removed = 0;
        IReadOnlyList<JobSnapshot> old;
        do
        {
            old = await store.ListTerminalBeforeAsync(now.AddDays(-_options.RetentionDays), PageSize, cancellationToken);
            foreach (var job in old)
                removed += await remover.DeleteAsync(job.JobId, cancellationToken) is DeleteOutcome.Deleted ? 1 : 0;
        }
        while (old.Count == PageSize);
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
                if (!remover.DeleteFiles(jobId))
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
}
