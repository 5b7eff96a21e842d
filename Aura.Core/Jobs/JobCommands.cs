using Aura.Core.Kernel;
using Aura.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aura.Core.Jobs;

/// <summary>
/// What callers ask of jobs: create (at most once per idempotency key), cancel and delete. A new job is
/// kept as <c>Queued</c> and put on <see cref="IJobQueue"/>; <see cref="JobWorkers"/> run it.
/// </summary>
public sealed partial class JobCommands(
    IJobStore store,
    IJobQueue queue,
    JobStateWriter writer,
    RunningJobs running,
    IJobCancelBus cancels,
    JobRemover remover,
    IJobChangeBus changes,
    JobChangeSignal signal,
    TimeProvider time,
    IOptions<JobRunnerOptions> options,
    ILogger<JobCommands> logger)
{
    private readonly JobRunnerOptions _options = options.Value;
    private readonly IdempotencyKeys _keys = new(store);

    /// <summary>Keeps a new job as <c>Queued</c> and puts it on the queue.</summary>
    /// <exception cref="JobQueueFullException">the queue holds <see cref="JobRunnerOptions.QueueCapacity"/> jobs already.</exception>
    public Task<JobSnapshot> CreateAsync(JobRequest request, string correlationId, CancellationToken cancellationToken) =>
        CreateAsync(NewJobId(), request, correlationId, null, cancellationToken);

    /// <summary>Keeps a new job of <paramref name="owner"/> as <c>Queued</c> and puts it on the queue.</summary>
    /// <exception cref="JobQueueFullException">the queue holds <see cref="JobRunnerOptions.QueueCapacity"/> jobs already.</exception>
    public Task<JobSnapshot> CreateAsync(JobRequest request, string correlationId, string? owner, CancellationToken cancellationToken) =>
        CreateAsync(NewJobId(), request, correlationId, owner, cancellationToken);

    /// <summary>
    /// Creates the job for <paramref name="key"/> once. The same key with the same request answers
    /// with the job the first request made; with another request it is refused.
    /// </summary>
    public Task<CreateOutcome> CreateOnceAsync(string key, JobRequest request, string correlationId, CancellationToken cancellationToken) =>
        CreateOnceAsync(key, request, correlationId, null, cancellationToken);

    /// <summary>
    /// As <see cref="CreateOnceAsync(string, JobRequest, string, CancellationToken)"/>, for <paramref name="owner"/>: keys are
    /// per owner, so one principal's key never answers with another's job. The key is claimed in the store
    /// (atomically, so concurrent duplicates cannot both win) before the job exists.
    /// </summary>
    public async Task<CreateOutcome> CreateOnceAsync(string key, JobRequest request, string correlationId, string? owner,
        CancellationToken cancellationToken)
    {
        key = IdempotencyKeys.Scoped(key, owner);
        var hash = IdempotencyKeys.RequestHash(request);
        var now = time.GetUtcNow();
        var claim = await store.ClaimIdempotencyKeyAsync(new IdempotencyKey(key, hash, NewJobId(), now + _options.IdempotencyKeyLifetime), now, cancellationToken);
        if (!claim.Won)
        {
            if (!claim.IsSameRequest(hash))
                return new CreateOutcome.KeyReused(claim.Entry.JobId);
            if (await store.GetAsync(claim.Entry.JobId, cancellationToken) is { } existing)
                return new CreateOutcome.Replayed(existing);
            if (!_keys.TakeUnreleased(key, claim.Entry.JobId))
                return new CreateOutcome.InProgress(claim.Entry.JobId);
        }
        try
        {
            return new CreateOutcome.Created(await CreateAsync(claim.Entry.JobId, request, correlationId, owner, cancellationToken));
        }
        catch
        {
            // Nothing was made for this key: let a retry claim it again.
            await _keys.ReleaseAsync(key, claim.Entry.JobId);
            throw;
        }
    }

    /// <summary>
    /// Cancels a job: a queued one at once, a running one by stopping its run (the job reads
    /// <c>Canceled</c> once the run has stopped; this waits up to <see cref="JobRunnerOptions.CancelWait"/> for that).
    /// </summary>
    public async Task<CancelOutcome> CancelAsync(string jobId, CancellationToken cancellationToken)
    {
        var job = await store.GetAsync(jobId, cancellationToken);
        if (job is null)
            return new CancelOutcome.NotFound();
        if (job.IsTerminal)
            return new CancelOutcome.NotCancellable(job);

        var changed = signal.NextChange(jobId);
        if (running.TryCancel(jobId))
            return new CancelOutcome.Accepted(await WaitForTerminalAsync(jobId, changed, cancellationToken) ?? job);
        if (job.Status == JobStatus.Running && cancels.ReachesEveryNode)
        {
            // It runs on another node's worker (or will again, once a dead worker's lease is reaped): that run
            // stops and writes Canceled itself; writing it here would leave its FFmpeg running.
            await cancels.RequestAsync(jobId, cancellationToken);
            return new CancelOutcome.Accepted(await WaitForTerminalAsync(jobId, changed, cancellationToken) ?? job);
        }

        var canceled = await writer.ApplyAsync(jobId, new JobChange.Canceled("Canceled before it started"), cancellationToken);
        // A job that ended while it waited no longer waits: its place goes to the next job at once.
        if (canceled is { IsTerminal: true })
            await queue.ReleaseAsync(jobId, cancellationToken);
        // A worker (here or on another node) may have picked the job up between the look-up and the cancel: stop that run too.
        await cancels.RequestAsync(jobId, CancellationToken.None);
        return canceled is { IsTerminal: true }
            ? new CancelOutcome.Accepted(canceled)
            : new CancelOutcome.Accepted(await store.GetAsync(jobId, cancellationToken) ?? job);
    }

    /// <summary>Removes an ended job with its files; a job still queued or running is refused. See <see cref="JobRemover"/>.</summary>
    public Task<DeleteOutcome> DeleteAsync(string jobId, CancellationToken cancellationToken) =>
        remover.DeleteAsync(jobId, cancellationToken);

    private static string NewJobId() => Guid.NewGuid().ToString("N");

    private async Task<JobSnapshot> CreateAsync(string jobId, JobRequest request, string correlationId, string? owner,
        CancellationToken cancellationToken)
    {
        if (!await queue.TryReserveAsync(jobId, cancellationToken))
            throw new JobQueueFullException(_options.QueueCapacity);

        var job = JobStateMachine.NewJob(jobId, correlationId, request, time.GetUtcNow()) with { Owner = owner };
        JobSnapshot saved;
        try
        {
            saved = await store.SaveAsync(job, 0, cancellationToken);
        }
        catch
        {
            await queue.ReleaseAsync(jobId, CancellationToken.None);
            throw;
        }

        changes.Publish(saved.JobId);
        JobInstruments.JobCreated(saved);
        using (logger.BeginScope(new Dictionary<string, object> { ["JobId"] = saved.JobId, ["CorrelationId"] = saved.CorrelationId }))
            LogCreated(saved.JobId, saved.Request.Brief.Topic.Length);
        await queue.EnqueueAsync(saved.JobId, CancellationToken.None);
        return saved;
    }

    private async Task<JobSnapshot?> WaitForTerminalAsync(string jobId, Task changed, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.CancelWait);
        try
        {
            while (true)
            {
                var job = await store.GetAsync(jobId, cancellationToken);
                if (job is null or { IsTerminal: true })
                    return job;
                await changed.WaitAsync(timeout.Token);
                changed = signal.NextChange(jobId);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return await store.GetAsync(jobId, cancellationToken);
        }
    }

    [LoggerMessage(LogLevel.Information, "Job {JobId} created (topic of {TopicLength} chars)")]
    private partial void LogCreated(string jobId, int topicLength);
}
