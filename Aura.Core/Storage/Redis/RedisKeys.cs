namespace Aura.Core.Storage.Redis;

/// <summary>
/// The names of the Redis store's keys, all under one prefix (<c>Redis:KeyPrefix</c>) followed by the
/// hash tag <c>{aura}</c>. The tag puts every key in one hash slot, so on a Redis Cluster the scripts'
/// keys (the global sequence and the job's keys move together) still live on one node; the per-status
/// and per-owner index keys that a script derives from stored data share that slot too.
/// </summary>
public sealed class RedisKeys
{
    public RedisKeys(string prefix)
    {
        Base = prefix + "{aura}:";
    }

    /// <summary>The prefix and the hash tag; scripts derive the per-status and per-owner index names from it.</summary>
    public string Base { get; }

    /// <summary>The global sequence (a counter, <c>INCR</c>).</summary>
    public string Sequence => Base + "seq";

    /// <summary>Hash: job id → the job's newest snapshot (JSON, as <see cref="StoreJson"/> writes it).</summary>
    public string Jobs => Base + "jobs";

    /// <summary>Hash: job id → what the indexes need of it (version, status, owner, index members), as JSON.</summary>
    public string Meta => Base + "meta";

    /// <summary>Sorted set per job: score = version, member = the snapshot at that version.</summary>
    public string History(string jobId) => Base + "history:" + jobId;

    /// <summary>Sorted set by lexical order, members <c>&lt;created ticks, 19 digits&gt;:&lt;job id&gt;</c>.</summary>
    public string ByCreated => Base + "by-created";

    /// <summary>As <see cref="ByCreated"/>, for one owner (jobs without one belong to <see cref="JobQuery.DefaultOwner"/>).</summary>
    public string ByCreatedOfOwner(string owner) => Base + "by-created:owner:" + owner;

    /// <summary>As <see cref="ByCreated"/>, for one status.</summary>
    public string ByCreatedInStatus(string status) => Base + "by-created:status:" + status;

    /// <summary>Sorted set: score = the job's newest version, member = job id.</summary>
    public string ByVersion => Base + "by-version";

    /// <summary>Lexical sorted set of ended jobs, members <c>&lt;ended ticks&gt;:&lt;job id&gt;</c>.</summary>
    public string ByCompleted => Base + "by-completed";

    /// <summary>Hash: status → number of jobs in it.</summary>
    public string Counts => Base + "counts";

    /// <summary>Hash: deleted job id → its deletion's number and time, as JSON.</summary>
    public string Deleted => Base + "deleted";

    /// <summary>Sorted set: score = deletion number, member = job id.</summary>
    public string Deletions => Base + "deletions";

    /// <summary>Lexical sorted set of deleted jobs whose files are not yet known to be gone.</summary>
    public string DeletedFilesPending => Base + "deleted:files-pending";

    /// <summary>Lexical sorted set of deletions whose files are gone, members <c>&lt;deleted ticks&gt;:&lt;job id&gt;</c> (what pruning removes).</summary>
    public string DeletedFilesGone => Base + "deleted:files-gone";

    /// <summary>Hash: idempotency key → request hash, job id and expiry, as JSON.</summary>
    public string Idempotency => Base + "idempotency";

    /// <summary>Lexical sorted set of idempotency keys by expiry, members <c>&lt;expiry ticks&gt;:&lt;key&gt;</c>.</summary>
    public string IdempotencyByExpiry => Base + "idempotency:by-expiry";

    /// <summary>List: the ids of jobs waiting for a worker; new ones are pushed on the left, workers take from the right.</summary>
    public string QueueLine => Base + "queue:line";

    /// <summary>Set: the jobs holding a place in the queue (reserved or waiting, not claimed); its size is what <c>Jobs:QueueCapacity</c> bounds.</summary>
    public string QueuePlaces => Base + "queue:places";

    /// <summary>Hash: claimed job id → the token of the lease that holds it (the fencing token the store checks).</summary>
    public string Leases => Base + "queue:leases";

    /// <summary>Sorted set: claimed job id scored by its lease's deadline (Redis <c>TIME</c>, milliseconds): what the reaper scans.</summary>
    public string LeaseDeadlines => Base + "queue:lease-deadlines";

    /// <summary>The lock that lets one reaper at a time work (<c>SET NX PX</c>, released by its token).</summary>
    public string ReaperLock => Base + "queue:reaper-lock";

    /// <summary>The pub/sub channel that wakes waiting workers when a job is put in line.</summary>
    public string QueueWake => Base + "queue:wake";

    /// <summary>The pub/sub channel every change is published on, as <c>&lt;version&gt; &lt;job id&gt;</c>.</summary>
    public string Changes => Base + "changes";
}
