using Aura.Core.Kernel;
using Microsoft.Data.Sqlite;

namespace Aura.Core.Storage;

// Saving, reading and deleting one job.
public sealed partial class SqliteJobStore
{
    private const string UpsertJob = """
        INSERT INTO jobs (job_id, status, created_at, completed_at, version, snapshot)
        VALUES ($id, $status, $created, $completed, $version, $snapshot)
        ON CONFLICT (job_id) DO UPDATE SET status = excluded.status, created_at = excluded.created_at,
            completed_at = excluded.completed_at, version = excluded.version, snapshot = excluded.snapshot
        """;

    // An ended job's history was just compacted: a good moment to fold the WAL back into the file.
    public Task<JobSnapshot> SaveAsync(JobSnapshot job, long expectedVersion, CancellationToken cancellationToken) =>
        Write((connection, transaction) => Save(connection, transaction, job, expectedVersion), cancellationToken,
            checkpointAfter: saved => saved.IsTerminal);

    public Task<JobSnapshot?> GetAsync(string jobId, CancellationToken cancellationToken) =>
        Read(connection => Sql.Snapshots(connection,
            "SELECT snapshot FROM jobs WHERE job_id = $id", ("$id", jobId)).FirstOrDefault(), cancellationToken);

    public Task<JobSnapshot?> GetAsOfAsync(string jobId, long version, CancellationToken cancellationToken) =>
        Read(connection => Sql.Snapshots(connection,
            "SELECT snapshot FROM history WHERE job_id = $id AND version <= $version ORDER BY version DESC LIMIT 1",
            ("$id", jobId), ("$version", version)).FirstOrDefault(), cancellationToken);

    // One indexed integer, no snapshot to read or deserialize: the cheap check behind an idle stream's poll.
    public Task<long?> GetVersionAsync(string jobId, CancellationToken cancellationToken) =>
        Read(connection => Sql.Scalar<long?>(connection, null, "SELECT version FROM jobs WHERE job_id = $id", ("$id", jobId)),
            cancellationToken);

    public Task<long> GetLastVersionAsync(CancellationToken cancellationToken) =>
        Read(connection => Sql.Scalar<long>(connection, null, "SELECT last_version FROM sequence WHERE id = 1"),
            cancellationToken);

    /// <summary>Check, number, write the job and its history row: the caller's transaction makes it all or nothing.</summary>
    private static JobSnapshot Save(SqliteConnection connection, SqliteTransaction transaction, JobSnapshot job, long expectedVersion)
    {
        var actual = Sql.Scalar<long>(connection, transaction, "SELECT version FROM jobs WHERE job_id = $id", ("$id", job.JobId));
        if (actual != expectedVersion)
            throw new JobStoreConflictException(job.JobId, expectedVersion, actual);

        var version = Sql.Scalar<long>(connection, transaction,
            "UPDATE sequence SET last_version = last_version + 1 WHERE id = 1 RETURNING last_version");
        var saved = job with { Version = version };
        var snapshot = StoreJson.Serialize(saved);
        Sql.Execute(connection, transaction, UpsertJob,
            ("$id", saved.JobId), ("$status", saved.Status.ToString()), ("$created", Sql.Ticks(saved.CreatedAt)),
            ("$completed", saved.IsTerminal ? Sql.Ticks(saved.EndedAt()) : null),
            ("$version", version), ("$snapshot", snapshot));
        Sql.Execute(connection, transaction, "INSERT INTO history (job_id, version, snapshot) VALUES ($id, $version, $snapshot)",
            ("$id", saved.JobId), ("$version", version), ("$snapshot", snapshot));
        if (saved.IsTerminal)
            CompactHistory(connection, transaction, saved.JobId);
        return saved;
    }

    /// <summary>Drops the snapshots of an ended job that no resuming client needs (<see cref="HistoryCompaction"/>).</summary>
    internal static int CompactHistory(SqliteConnection connection, SqliteTransaction transaction, string jobId)
    {
        IReadOnlyList<JobSnapshot> history;
        using (var read = Sql.Command(connection, transaction, "SELECT snapshot FROM history WHERE job_id = $id ORDER BY version", ("$id", jobId)))
        using (var reader = read.ExecuteReader())
        {
            var snapshots = new List<JobSnapshot>();
            while (reader.Read())
                snapshots.Add(StoreJson.Deserialize(reader.GetString(0)));
            history = snapshots;
        }

        var drop = HistoryCompaction.VersionsToDrop(history);
        using var delete = Sql.Command(connection, transaction, "DELETE FROM history WHERE job_id = $id AND version = $version",
            ("$id", jobId), ("$version", 0L));
        foreach (var version in drop)
        {
            delete.Parameters["$version"].Value = version;
            delete.ExecuteNonQuery();
        }
        return drop.Count;
    }
}
