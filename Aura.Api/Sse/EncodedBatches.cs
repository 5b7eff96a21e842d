using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Aura.Api.Contracts;
using Aura.Core.Kernel;

namespace Aura.Api.Sse;

/// <summary>
/// One diff and one serialization per job version, shared by every per-job stream at the same place: the
/// events from the state a stream last sent to the job's new state are the same for every stream that
/// sent the same version and sees paths alike (<see cref="Security.PathRedaction"/>), so they are framed
/// and encoded to UTF-8 once and the same bytes go to each. Only batches towards the job's newest version
/// are kept, per job followed.
/// </summary>
public sealed class EncodedBatches
{
    private readonly ConcurrentDictionary<string, Towards> _jobs = new(StringComparer.Ordinal);

    /// <summary>The framed events from <paramref name="lastSent"/> to <paramref name="current"/> (both as this client sees them).</summary>
    public EncodedBatch Get(JobSnapshot? lastSent, JobSnapshot current, bool seesPaths)
    {
        var key = (lastSent?.Version ?? 0, seesPaths);
        // Looked up first: every subscriber of a job asks for the same version, and AddOrUpdate would take the
        // dictionary's lock for each of them even when nothing changes (profiled: contended at 1,000 subscribers).
        if (!_jobs.TryGetValue(current.JobId, out var towards) || towards.Version < current.Version)
            towards = _jobs.AddOrUpdate(current.JobId, static (_, version) => new Towards(version),
                static (_, kept, version) => kept.Version >= version ? kept : new Towards(version), current.Version);
        if (towards.Version != current.Version)
            return Encode(lastSent, current); // an older state than the newest another stream read: not kept
        return towards.Batches.GetOrAdd(key, static (_, states) => Encode(states.lastSent, states.current), (lastSent, current));
    }

    /// <summary>Drops what is kept for a job no stream follows any more.</summary>
    public void Forget(string jobId) => _jobs.TryRemove(jobId, out _);

    private static EncodedBatch Encode(JobSnapshot? lastSent, JobSnapshot current)
    {
        var events = JobDiff.Compute(lastSent, current);
        if (events.Count == 0)
            return EncodedBatch.Empty;
        var messages = events.Select(e => new SseMessage(e.Name, JsonSerializer.Serialize(e, e.GetType(), WireJson.Options))).ToList();
        return new EncodedBatch(Encoding.UTF8.GetBytes(SseFraming.Batch(messages, current.Version)), events.Count);
    }

    private sealed class Towards(long version)
    {
        public long Version { get; } = version;

        public ConcurrentDictionary<(long From, bool SeesPaths), EncodedBatch> Batches { get; } = new();
    }
}
