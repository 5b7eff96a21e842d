using Aura.Core.Kernel;
using Aura.Core.Storage;

namespace Aura.Tests.Support;

/// <summary>Passes everything to another store and counts the reads an event stream makes: whole jobs, versions, listings.</summary>
public sealed class CountingJobStore(IJobStore inner) : DelegatingJobStore(inner)
{
    private int _jobReads;
    private int _versionReads;
    private int _listings;
    private int _lastVersionReads;

    public int JobReads => Volatile.Read(ref _jobReads);

    public int VersionReads => Volatile.Read(ref _versionReads);

    public int Listings => Volatile.Read(ref _listings);

    public int LastVersionReads => Volatile.Read(ref _lastVersionReads);

    public override Task<JobSnapshot?> GetAsync(string jobId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _jobReads);
        return base.GetAsync(jobId, cancellationToken);
    }

    public override Task<long?> GetVersionAsync(string jobId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _versionReads);
        return base.GetVersionAsync(jobId, cancellationToken);
    }

    public override Task<IReadOnlyList<JobSnapshot>> ListChangedAfterAsync(long afterVersion, int limit, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _listings);
        return base.ListChangedAfterAsync(afterVersion, limit, cancellationToken);
    }

    public override Task<long> GetLastVersionAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _lastVersionReads);
        return base.GetLastVersionAsync(cancellationToken);
    }
}
