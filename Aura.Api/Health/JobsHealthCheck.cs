using Aura.Core.Kernel;
using Aura.Core.Jobs;
using Aura.Core.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Aura.Api.Health;

/// <summary>Always healthy: how many jobs are in each status, and the queue.</summary>
public sealed class JobsHealthCheck(IJobStore store, IOptions<JobRunnerOptions> jobs) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        IReadOnlyDictionary<JobStatus, int> counts;
        try
        {
            counts = await store.CountByStatusAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The store check says what is wrong; the figures are just missing.
            counts = new Dictionary<JobStatus, int>();
        }
        var all = Enum.GetValues<JobStatus>().ToDictionary(s => s, s => counts.GetValueOrDefault(s));
        return AuraHealthChecks.Result(true, new JobsHealth(all, all.Values.Sum(), all[JobStatus.Queued], all[JobStatus.Running],
            jobs.Value.QueueCapacity, jobs.Value.Workers));
    }
}
