using Aura.Core.Kernel;
using Aura.Core.Jobs;

namespace Aura.Api.Health;

/// <summary>The <c>jobs</c> part of <c>/health</c>: how many jobs are in each status, and the queue.</summary>
public sealed record JobsHealth(IReadOnlyDictionary<JobStatus, int> ByStatus, int Total, int Queued, int Running, int QueueCapacity, int Workers);
