using System.Collections.Concurrent;
using Aura.Core.Pipeline;
using Aura.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Aura.Core.Kernel;

namespace Aura.Core.Jobs;

/// <summary>
/// Creates, queues, runs and cancels jobs. <see cref="UpdateJobAsync"/> is the single writer of
/// job state: every change goes through the state machine, takes the next sequence number in the
/// store and raises the change signal. Workers are started by <see cref="RunWorkersAsync"/>.
/// </summary>
public sealed partial class JobRunner(
    IJobStore store,
    IVideoOrchestrator orchestrator,
    JobFiles files,
    JobChangeSignal signal,
    TimeProvider time,
    IOptions<JobRunnerOptions> options,
    ILogger<JobRunner> logger,
    IJobQueue? queue = null,
    IJobChangeBus? changes = null)
{
    private readonly JobRunnerOptions _options = options.Value;
    private readonly IJobQueue _queue = queue ?? new JobQueue(options.Value.QueueCapacity);
    private readonly ConcurrentDictionary<string, RunCancellation> _running = new(StringComparer.Ordinal);
    private readonly IJobChangeBus _changes = changes ??= new LocalJobChangeBus(signal);
    private readonly JobStateWriter _writer = new(store, changes, time, logger);

    public JobChangeSignal Signal => signal;

    /// <summary>Keeps a new job as <c>Queued</c> and puts it on the queue.</summary>
    /// <exception cref="JobQueueFullException">the queue holds <see cref="JobRunnerOptions.QueueCapacity"/> jobs already.</exception>
    public Task<JobSnapshot> CreateAndStartJobAsync(JobRequest request, string correlationId, CancellationToken cancellationToken) =>
        CreateAndStartJobAsync(NewJobId(), request, correlationId, null, cancellationToken);

    /// <summary>Keeps a new job of <paramref name="owner"/> as <c>Queued</c> and puts it on the queue.</summary>
    /// <exception cref="JobQueueFullException">the queue holds <see cref="JobRunnerOptions.QueueCapacity"/> jobs already.</exception>
    public Task<JobSnapshot> CreateAndStartJobAsync(JobRequest request, string correlationId, string? owner, CancellationToken cancellationToken) =>
        CreateAndStartJobAsync(NewJobId(), request, correlationId, owner, cancellationToken);

    private static string NewJobId() => Guid.NewGuid().ToString("N");

    private async Task<JobSnapshot> CreateAndStartJobAsync(string jobId, JobRequest request, string correlationId, string? owner,
        CancellationToken cancellationToken)
    {
        if (!_queue.TryReserve(jobId))
            throw new JobQueueFullException(_options.QueueCapacity);

        var job = JobStateMachine.NewJob(jobId, correlationId, request, time.GetUtcNow()) with { Owner = owner };
        JobSnapshot saved;
        try
        {
            saved = await store.SaveAsync(job, 0, cancellationToken);
        }
        catch
        {
            _queue.Release(jobId);
            throw;
        }

        _changes.Publish(saved.JobId);
        JobInstruments.JobCreated(saved);
        using (BeginJobScope(saved))
            LogCreated(saved.JobId, saved.Request.Brief.Topic.Length);
        _queue.Enqueue(saved.JobId);
        return saved;
    }

    public Task<JobSnapshot?> GetJobAsync(string jobId, CancellationToken cancellationToken) =>
        store.GetAsync(jobId, cancellationToken);

    /// <summary>The job's version without reading the job (null: no such job); see <see cref="IJobStore.GetVersionAsync"/>.</summary>
    public Task<long?> GetJobVersionAsync(string jobId, CancellationToken cancellationToken) =>
        store.GetVersionAsync(jobId, cancellationToken);

    public Task<IReadOnlyList<JobSnapshot>> ListJobsAsync(JobQuery query, CancellationToken cancellationToken) =>
        store.ListAsync(query, cancellationToken);

    /// <summary>
    /// The job as a client that saw <paramref name="version"/> knew it: its latest state at or before
    /// that number. Null when the number is beyond any issued, before the job existed, or trimmed.
    /// </summary>
    public async Task<JobSnapshot?> GetJobAsOfAsync(string jobId, long version, CancellationToken cancellationToken) =>
        version <= await store.GetLastVersionAsync(cancellationToken)
            ? await store.GetAsOfAsync(jobId, version, cancellationToken)
            : null;

    /// <summary>
    /// Where the all-jobs stream starts for a client that says it saw <paramref name="lastEventId"/>: right after
    /// it when the store issued that number, else from the start (the whole state). A number beyond the newest
    /// issued comes from another history (a database reset); resuming after it would send nothing, ever.
    /// </summary>
    public async Task<long> ResumeAfterAsync(long? lastEventId, CancellationToken cancellationToken) =>
        lastEventId is { } id && id <= await store.GetLastVersionAsync(cancellationToken) ? id : 0;

    /// <summary>Jobs changed after <paramref name="version"/>, in version order (the all-jobs stream).</summary>
    public Task<IReadOnlyList<JobSnapshot>> ListChangedAfterAsync(long version, int limit, CancellationToken cancellationToken) =>
        store.ListChangedAfterAsync(version, limit, cancellationToken);

    /// <summary>Deletions numbered after <paramref name="version"/>, in number order (the all-jobs stream's <c>job-deleted</c>).</summary>
    public Task<IReadOnlyList<JobDeletion>> ListDeletionsAfterAsync(long version, int limit, CancellationToken cancellationToken) =>
        store.ListDeletionsAfterAsync(version, limit, cancellationToken);

    /// <summary>The newest number the sequence has issued: changes and deletions after it are news.</summary>
    public Task<long> LastVersionAsync(CancellationToken cancellationToken) => store.GetLastVersionAsync(cancellationToken);

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
        if (_running.TryGetValue(jobId, out var run))
        {
            run.RequestCancel();
            job = await WaitForTerminalAsync(jobId, changed, cancellationToken) ?? job;
            return new CancelOutcome.Accepted(job);
        }

        var canceled = await UpdateJobAsync(jobId, new JobChange.Canceled("Canceled before it started"), cancellationToken);
        // A job that ended while it waited no longer waits: its place goes to the next job at once.
        if (canceled is { IsTerminal: true })
            _queue.Release(jobId);
        // A worker may have picked the job up between the look-up and the cancel: stop that run too.
        if (_running.TryGetValue(jobId, out var late))
            late.RequestCancel();
        return canceled is { IsTerminal: true }
            ? new CancelOutcome.Accepted(canceled)
            : new CancelOutcome.Accepted(await store.GetAsync(jobId, cancellationToken) ?? job);
    }

    /// <summary>
    /// The single writer: applies <paramref name="change"/> to the job's newest state, keeps it under
    /// the next sequence number and raises the change signal. Returns the kept state, the unchanged
    /// state when the change altered nothing, or null when the job is unknown or the change does not
    /// apply (such as progress after a cancel). See <see cref="JobStateWriter"/>.
    /// </summary>
    public Task<JobSnapshot?> UpdateJobAsync(string jobId, JobChange change, CancellationToken cancellationToken) =>
        _writer.ApplyAsync(jobId, change, cancellationToken);

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

    private IDisposable? BeginJobScope(JobSnapshot job) =>
        logger.BeginScope(new Dictionary<string, object> { ["JobId"] = job.JobId, ["CorrelationId"] = job.CorrelationId });

    [LoggerMessage(LogLevel.Information, "Job {JobId} created (topic of {TopicLength} chars)")]
    private partial void LogCreated(string jobId, int topicLength);
}
