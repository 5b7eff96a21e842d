using Aura.Core.Kernel;
using Aura.Core.Storage;

namespace Aura.Core.Jobs;

/// <summary>
/// The two reads with rules of their own, for clients that resume a stream: everything else is read
/// straight from <see cref="IJobStore"/>. A number beyond the newest issued comes from another history
/// (a database reset), so it places nobody.
/// </summary>
public sealed class JobReader(IJobStore store)
{
    /// <summary>
    /// The job as a client that saw <paramref name="version"/> knew it: its latest state at or before
    /// that number. Null when the number is beyond any issued, before the job existed, or trimmed.
    /// </summary>
    public async Task<JobSnapshot?> GetAsOfAsync(string jobId, long version, CancellationToken cancellationToken) =>
        version <= await store.GetLastVersionAsync(cancellationToken)
            ? await store.GetAsOfAsync(jobId, version, cancellationToken)
            : null;

    /// <summary>
    /// Where the all-jobs stream starts for a client that says it saw <paramref name="lastEventId"/>: right after
    /// it when the store issued that number, else from the start (the whole state): resuming after a number
    /// never issued would send nothing, ever.
    /// </summary>
    public async Task<long> ResumeAfterAsync(long? lastEventId, CancellationToken cancellationToken) =>
        lastEventId is { } id && id <= await store.GetLastVersionAsync(cancellationToken) ? id : 0;
}
