namespace Aura.Core.Storage;

// Idempotency keys. A claim is a read and a write in one immediate transaction, so of two
// concurrent claims (even from two processes) the second sees the first's entry.
public sealed partial class SqliteJobStore
{
    public Task<IdempotencyClaim> ClaimIdempotencyKeyAsync(IdempotencyKey key, DateTimeOffset now, CancellationToken cancellationToken) =>
        Write((connection, transaction) =>
        {
            using (var command = Sql.Command(connection, transaction,
                "SELECT request_hash, job_id, expires_at FROM idempotency_keys WHERE key = $key", ("$key", key.Key)))
            using (var reader = command.ExecuteReader())
            {
                if (reader.Read())
                {
                    var existing = new IdempotencyKey(key.Key, reader.GetString(0), reader.GetString(1), Sql.FromTicks(reader.GetInt64(2)));
                    if (!existing.IsExpiredAt(now))
                        return new IdempotencyClaim(false, existing);
                }
            }

            Sql.Execute(connection, transaction, """
                INSERT INTO idempotency_keys (key, request_hash, job_id, expires_at) VALUES ($key, $hash, $job, $expires)
                ON CONFLICT (key) DO UPDATE SET request_hash = excluded.request_hash, job_id = excluded.job_id, expires_at = excluded.expires_at
                """,
                ("$key", key.Key), ("$hash", key.RequestHash), ("$job", key.JobId), ("$expires", Sql.Ticks(key.ExpiresAt)));
            return new IdempotencyClaim(true, key);
        }, cancellationToken);

    public Task<bool> ReleaseIdempotencyKeyAsync(string key, string jobId, CancellationToken cancellationToken) =>
        Write((connection, transaction) => Sql.Execute(connection, transaction,
            "DELETE FROM idempotency_keys WHERE key = $key AND job_id = $job", ("$key", key), ("$job", jobId)) > 0, cancellationToken);

    public Task<int> RemoveExpiredIdempotencyKeysAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        Write((connection, transaction) => Sql.Execute(connection, transaction,
            "DELETE FROM idempotency_keys WHERE expires_at <= $now", ("$now", Sql.Ticks(now))), cancellationToken);
}
