using Aura.Core.Pipeline;
using Microsoft.Extensions.Logging;
using Aura.Core.Kernel;

namespace Aura.Core.Jobs;

// The worker side of the runner: taking jobs off the queue and running them (how a run that went
// wrong ends is in JobRunner.Ending.cs).
public sealed partial class JobRunner
{
    /// <summary>Runs <see cref="JobRunnerOptions.Workers"/> workers until <paramref name="stopping"/> fires.</summary>
    public Task RunWorkersAsync(CancellationToken stopping) =>
        Task.WhenAll(Enumerable.Range(0, _options.Workers).Select(_ => Task.Run(() => WorkLoopAsync(stopping), CancellationToken.None)));

    /// <summary>
    /// Puts back on the queue every job a previous process left unfinished: queued ones as they
    /// were, running ones to be resumed as a new attempt (or failed when out of attempts).
    /// </summary>
    public async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        var unfinished = await store.ListAsync(Storage.JobQuery.InStatus(JobStatus.Queued, JobStatus.Running), cancellationToken);
        foreach (var job in unfinished.OrderBy(j => j.CreatedAt))
            _queue.Requeue(job.JobId);
        return unfinished.Count;
    }

    private async Task WorkLoopAsync(CancellationToken stopping)
    {
        try
        {
            await foreach (var jobId in _queue.ClaimAllAsync(stopping))
            {
                try
                {
                    await RunOneAsync(jobId, stopping);
                }
                catch (Exception ex) when (!stopping.IsCancellationRequested)
                {
                    // One job's trouble must never stop a worker.
                    LogWorkerError(ex, jobId);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private async Task RunOneAsync(string jobId, CancellationToken stopping)
    {
        var job = await store.GetAsync(jobId, stopping);
        if (job is null || job.IsTerminal)
            return;

        using var scope = BeginJobScope(job);
        var attempt = job.Attempt + 1;
        if (attempt > _options.MaxAttempts)
        {
            await WriteEndAsync(jobId, new JobChange.Failed(new FailureReason(ErrorCodes.Interrupted,
                $"The service stopped while the job ran, {job.Attempt} time(s); it is not tried again.",
                "Create the job again.")), stopping);
            return;
        }

        using var run = new RunCancellation(time, _options, stopping, () => _ = WarnStalledAsync(jobId));
        _running[jobId] = run;
        try
        {
            if (await UpdateJobAsync(jobId, new JobChange.Started(attempt), stopping) is not { Status: JobStatus.Running } started)
                return;
            LogStarted(jobId, attempt);
            var context = new JobContext(jobId, started.CorrelationId, started.Request,
                Directory.CreateDirectory(files.WorkFolderOf(jobId)).FullName,
                Path.GetFullPath(files.FFmpegLogOf(jobId)), attempt);
            await orchestrator.RunAsync(context, new JobProgressReporter(this, jobId, run), run.Token);
            await UpdateJobAsync(jobId, new JobChange.Succeeded("Video ready"), CancellationToken.None);
            LogFinished(jobId, nameof(JobStatus.Succeeded));
        }
        catch (Exception ex) when (!stopping.IsCancellationRequested || run.CancelRequested)
        {
            await EndAfterErrorAsync(jobId, ex, run, stopping);
        }
        catch (Exception ex)
        {
            // The process is stopping: the job is left Running on purpose, exactly as after a kill -9, and
            // the next start resumes it. Whatever the stop broke on the way (a child that got the same
            // signal, a canceled write) is part of the interruption, not the job's failure.
            LogInterrupted(jobId, ex.GetType().Name);
        }
        finally
        {
            _running.TryRemove(jobId, out _);
        }
    }

    /// <summary>The stall warning: told to the job's followers as a <c>warning</c> event; the job keeps running.</summary>
    private async Task WarnStalledAsync(string jobId)
    {
        try
        {
            LogStallWarning(jobId, _options.StallWarning);
            await UpdateJobAsync(jobId, new JobChange.Warned(
                $"No progress for {_options.StallWarning}; the job fails if none comes within {_options.StallTimeout} (Jobs:StallTimeout)."),
                CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A warning that cannot be written (a full disk) must not end the job: the stall timeout still stands.
            LogWorkerError(ex, jobId);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Job {JobId} reported no progress for {Quiet}")]
    private partial void LogStallWarning(string jobId, TimeSpan quiet);

    [LoggerMessage(LogLevel.Information, "Job {JobId} started (attempt {Attempt})")]
    private partial void LogStarted(string jobId, int attempt);

    [LoggerMessage(LogLevel.Information, "Job {JobId} interrupted by the service's stop ({Error}); it resumes at the next start")]
    private partial void LogInterrupted(string jobId, string error);

    [LoggerMessage(LogLevel.Information, "Job {JobId} ended {Status}")]
    private partial void LogFinished(string jobId, string status);

    [LoggerMessage(LogLevel.Warning, "Job {JobId} failed")]
    private partial void LogFailed(Exception error, string jobId);

    [LoggerMessage(LogLevel.Error, "Worker error on job {JobId}")]
    private partial void LogWorkerError(Exception error, string jobId);
}
