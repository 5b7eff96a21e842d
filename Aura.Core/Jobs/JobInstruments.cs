using Aura.Core.Kernel;
using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Aura.Core.Jobs;

/// <summary>
/// The jobs' <see cref="System.Diagnostics.Metrics"/> instruments (exported at <c>/metrics</c>): jobs
/// created, jobs ended by status and E-code, and how long each stage took. Fed by
/// <see cref="JobStateWriter.ApplyAsync"/>, the single writer of job state, so no change is missed.
/// One process-wide meter, as listeners (the exporter) are process-wide too.
/// </summary>
public static class JobInstruments
{
    // Prometheus names are the meter's and the instrument's: aura_jobs_created, aura_jobs_ended, …
    public const string MeterName = AuraMeters.Jobs;

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Created = Meter.CreateCounter<long>("created", description: "Jobs created.");
    private static readonly Counter<long> Ended = Meter.CreateCounter<long>("ended", description: "Jobs ended, by status and E-code.");
    private static readonly Histogram<double> StageDuration = Meter.CreateHistogram<double>("stage.duration", unit: "s",
        description: "How long a job spent in a stage.");

    // When each running job entered its current stage (this process only: a resumed job's first stage is not timed).
    private static readonly ConcurrentDictionary<string, (JobStage Stage, DateTimeOffset Since)> StageStarts = new(StringComparer.Ordinal);

    public static void JobCreated(JobSnapshot job)
    {
        Created.Add(1);
        StageStarts[job.JobId] = (job.Stage, job.CreatedAt);
    }

    /// <summary>Records what a kept change did: a stage ended, or the job ended.</summary>
    public static void Changed(JobSnapshot before, JobSnapshot after)
    {
        if (after.Stage != before.Stage || (after.IsTerminal && !before.IsTerminal))
        {
            if (StageStarts.TryGetValue(after.JobId, out var start) && start.Stage == before.Stage)
                StageDuration.Record((after.UpdatedAt - start.Since).TotalSeconds, new KeyValuePair<string, object?>("stage", before.Stage.ToString()));
            StageStarts[after.JobId] = (after.Stage, after.UpdatedAt);
        }
        if (after.IsTerminal && !before.IsTerminal)
        {
            StageStarts.TryRemove(after.JobId, out _);
            Ended.Add(1, new KeyValuePair<string, object?>("status", after.Status.ToString()),
                new KeyValuePair<string, object?>("code", after.Failure?.Code ?? "none"));
        }
    }
}
