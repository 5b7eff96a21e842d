using System.Collections.Concurrent;

namespace Aura.Core.Jobs;

/// <summary>
/// The runs this process's workers have going, by job id: where a cancel finds the run it must stop.
/// Workers add a run for as long as it goes; commands cancel it.
/// </summary>
public sealed class RunningJobs
{
    private readonly ConcurrentDictionary<string, RunCancellation> _runs = new(StringComparer.Ordinal);

    /// <summary>How many runs go now.</summary>
    public int Count => _runs.Count;

    /// <summary>The jobs whose runs go now (a snapshot).</summary>
    public IReadOnlyList<string> JobIds => [.. _runs.Keys];

    /// <summary>Asks the job's run to stop, if it runs here; false when it does not.</summary>
    public bool TryCancel(string jobId)
    {
        if (!_runs.TryGetValue(jobId, out var run))
            return false;
        run.RequestCancel();
        return true;
    }

    /// <summary>Keeps <paramref name="run"/> as the job's run until the result is disposed (before the run is).</summary>
    internal IDisposable Add(string jobId, RunCancellation run)
    {
        _runs[jobId] = run;
        return new Entry(this, jobId, run);
    }

    private sealed class Entry(RunningJobs owner, string jobId, RunCancellation run) : IDisposable
    {
        public void Dispose() => owner._runs.TryRemove(new KeyValuePair<string, RunCancellation>(jobId, run));
    }
}
