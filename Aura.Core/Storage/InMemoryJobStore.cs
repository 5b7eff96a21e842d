using Aura.Core.Kernel;

namespace Aura.Core.Storage;

/// <summary>
/// A store that lives as long as the process: for tests and throwaway runs. One lock guards
/// everything, which makes every operation atomic and the sequence strictly increasing.
/// </summary>
public sealed partial class InMemoryJobStore : IJobStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<JobSnapshot>> _history = new(StringComparer.Ordinal);
    private long _lastVersion;

    public Task<JobSnapshot> SaveAsync(JobSnapshot job, long expectedVersion, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
            return Task.FromCanceled<JobSnapshot>(cancellationToken);
        lock (_gate)
        {
            var actual = _history.TryGetValue(job.JobId, out var versions) ? versions[^1].Version : 0;
            if (actual != expectedVersion)
                return Task.FromException<JobSnapshot>(new JobStoreConflictException(job.JobId, expectedVersion, actual));

            var saved = job with { Version = ++_lastVersion };
            if (versions is null)
                _history[job.JobId] = versions = [];
            versions.Add(saved);
            if (saved.IsTerminal)
            {
                var drop = HistoryCompaction.VersionsToDrop(versions).ToHashSet();
                versions.RemoveAll(v => drop.Contains(v.Version));
            }
            return Task.FromResult(saved);
        }
    }

    public Task<long?> GetVersionAsync(string jobId, CancellationToken cancellationToken)
    {
        lock (_gate)
            return Task.FromResult(_history.TryGetValue(jobId, out var versions) ? versions[^1].Version : (long?)null);
    }

    public Task<JobSnapshot?> GetAsync(string jobId, CancellationToken cancellationToken)
    {
        lock (_gate)
            return Task.FromResult(_history.TryGetValue(jobId, out var versions) ? versions[^1] : null);
    }

    public Task<JobSnapshot?> GetAsOfAsync(string jobId, long version, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var asOf = _history.TryGetValue(jobId, out var versions)
                ? versions.LastOrDefault(v => v.Version <= version)
                : null;
            return Task.FromResult(asOf);
        }
    }

    public Task<IReadOnlyList<JobSnapshot>> ListAsync(JobQuery query, CancellationToken cancellationToken) =>
        Latest(jobs => jobs
            .Where(j => query.Statuses.Count == 0 || query.Statuses.Contains(j.Status))
            .Where(j => query.CreatedBefore is not { } before || j.CreatedAt < before)
            .Where(query.IsOwnedBy)
            .OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.JobId, StringComparer.Ordinal)
            .Take(query.Limit));

    public Task<IReadOnlyList<JobSnapshot>> ListChangedAfterAsync(long afterVersion, int limit, CancellationToken cancellationToken) =>
        Latest(jobs => jobs.Where(j => j.Version > afterVersion).OrderBy(j => j.Version).Take(limit));

    public Task<IReadOnlyList<JobSnapshot>> ListTerminalBeforeAsync(DateTimeOffset completedBefore, int limit, CancellationToken cancellationToken) =>
        Latest(jobs => jobs
            .Where(j => j.IsTerminal && j.EndedAt() < completedBefore)
            .OrderBy(j => j.EndedAt()).ThenBy(j => j.JobId, StringComparer.Ordinal)
            .Take(limit));

    public Task<long> GetLastVersionAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
            return Task.FromResult(_lastVersion);
    }

    private Task<IReadOnlyList<JobSnapshot>> Latest(Func<IEnumerable<JobSnapshot>, IEnumerable<JobSnapshot>> select)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<JobSnapshot>>(select(_history.Values.Select(v => v[^1])).ToList());
    }
}
