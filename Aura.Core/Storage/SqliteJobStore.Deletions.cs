namespace Aura.Core.Storage;

// Deleting jobs: the tombstone that lets their files be removed, and the numbered deletion streams resume over.
public sealed partial class SqliteJobStore
{
    public Task<bool> DeleteAsync(string jobId, DateTimeOffset deletedAt, CancellationToken cancellationToken) =>
        Write((connection, transaction) =>
        {
            Sql.Execute(connection, transaction, "DELETE FROM history WHERE job_id = $id", ("$id", jobId));
            if (Sql.Execute(connection, transaction, "DELETE FROM jobs WHERE job_id = $id", ("$id", jobId)) == 0)
                return false;
            var version = Sql.Scalar<long>(connection, transaction,
                "UPDATE sequence SET last_version = last_version + 1 WHERE id = 1 RETURNING last_version");
            Sql.Execute(connection, transaction, """
                INSERT OR REPLACE INTO deleted_jobs (job_id, version, deleted_at, files_pending)
                VALUES ($id, $version, $at, 1)
                """, ("$id", jobId), ("$version", version), ("$at", Sql.Ticks(deletedAt)));
            return true;
        }, cancellationToken);

    public Task<IReadOnlyList<string>> ListDeletedAsync(CancellationToken cancellationToken) =>
        Read<IReadOnlyList<string>>(connection => Sql.Strings(connection,
            "SELECT job_id FROM deleted_jobs WHERE files_pending = 1 ORDER BY job_id"), cancellationToken);

    public Task<bool> ForgetDeletedAsync(string jobId, CancellationToken cancellationToken) =>
        Write((connection, transaction) => Sql.Execute(connection, transaction,
            "UPDATE deleted_jobs SET files_pending = 0 WHERE job_id = $id AND files_pending = 1", ("$id", jobId)) > 0,
            cancellationToken);

    public Task<IReadOnlyList<JobDeletion>> ListDeletionsAfterAsync(long afterVersion, int limit, CancellationToken cancellationToken) =>
        Read<IReadOnlyList<JobDeletion>>(connection =>
        {
            using var command = Sql.Command(connection, null,
                "SELECT job_id, version, deleted_at FROM deleted_jobs WHERE version > $after ORDER BY version LIMIT $limit",
                ("$after", afterVersion), ("$limit", limit));
            using var reader = command.ExecuteReader();
            var deletions = new List<JobDeletion>();
            while (reader.Read())
                deletions.Add(new JobDeletion(reader.GetString(0), reader.GetInt64(1), Sql.FromTicks(reader.GetInt64(2))));
            return deletions;
        }, cancellationToken);

    public Task<int> PruneDeletionsAsync(DateTimeOffset deletedBefore, CancellationToken cancellationToken) =>
        Write((connection, transaction) => Sql.Execute(connection, transaction,
            "DELETE FROM deleted_jobs WHERE files_pending = 0 AND deleted_at < $before",
            ("$before", Sql.Ticks(deletedBefore))), cancellationToken);

}
