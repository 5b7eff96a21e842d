using Aura.Core.Kernel;
using Aura.Core.Pipeline;
using Aura.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aura.Core.Jobs;

/// <summary>
/// The workers: each claims the next job from <see cref="IJobQueue"/>, runs it as its next attempt
/// (<see cref="JobAttemptRunner"/>) and gives the claim back, until the process stops. At start,
/// <see cref="RecoverAsync"/> puts back what a previous process left unfinished.
/// </summary>
public sealed partial class JobWorkers
{
    private readonly IJobStore _store;
    private readonly IJobQueue _queue;
    private readonly JobRunnerOptions _options;
    private readonly JobAttemptRunner _attempts;
    private readonly ILogger _logger;

    public JobWorkers(IJobStore store, IJobQueue queue, IVideoOrchestrator orchestrator, JobFiles files, JobStateWriter writer,
        RunningJobs running, TimeProvider time, IOptions<JobRunnerOptions> options, ILogger<JobWorkers> logger)
    {
        _store = store;
        _queue = queue;
        _options = options.Value;
        _logger = logger;
        // The attempt and its ending log as the workers: one category for everything a run says.
        var ending = new JobEnding(writer, files, time, _options, logger);
        _attempts = new JobAttemptRunner(store, orchestrator, files, writer, running, ending, time, _options, logger);
    }

    /// <summary>False on an API-only node (<c>Jobs:Workers=0</c>).</summary>
    public bool RunsJobs => _options.Workers > 0;

    /// <summary>Runs <see cref="JobRunnerOptions.Workers"/> workers until <paramref name="stopping"/> fires.</summary>
    public Task RunAsync(CancellationToken stopping) =>
        Task.WhenAll(Enumerable.Range(0, _options.Workers).Select(_ => Task.Run(() => WorkLoopAsync(stopping), CancellationToken.None)));

    /// <summary>
    /// Puts back on the queue every job a previous process left unfinished: queued ones as they
    /// were, running ones to be resumed as a new attempt (or failed when out of attempts).
    /// </summary>
    public async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        var unfinished = await _store.ListAsync(JobQuery.InStatus(JobStatus.Queued, JobStatus.Running), cancellationToken);
        foreach (var job in unfinished.OrderBy(j => j.CreatedAt))
            await _queue.RequeueAsync(job.JobId, cancellationToken);
        return unfinished.Count;
    }

    private async Task WorkLoopAsync(CancellationToken stopping)
    {
        while (true)
        {
            JobClaim claim;
            try
            {
                claim = await _queue.ClaimAsync(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }

            var end = JobClaimEnd.Interrupted;
            try
            {
                end = await _attempts.RunAsync(claim, stopping);
            }
            catch (Exception ex) when (!stopping.IsCancellationRequested)
            {
                // One job's trouble must never stop a worker.
                LogWorkerError(ex, claim.JobId);
            }
            catch (OperationCanceledException)
            {
                // The process stops: the job is left as it is, and the claim is given back below.
            }
            await CompleteAsync(claim, end);
        }
    }

    private async Task CompleteAsync(JobClaim claim, JobClaimEnd end)
    {
        try
        {
            await _queue.CompleteAsync(claim, end, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // A claim that cannot be given back is lost in time (a shared queue's lease runs out); the worker goes on.
            LogCompleteFailed(ex, claim.JobId);
        }
    }

    [LoggerMessage(LogLevel.Error, "Worker error on job {JobId}")]
    private partial void LogWorkerError(Exception error, string jobId);

    [LoggerMessage(LogLevel.Warning, "The claim on job {JobId} could not be given back")]
    private partial void LogCompleteFailed(Exception error, string jobId);
}
