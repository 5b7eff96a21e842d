using Microsoft.Data.Sqlite;

namespace Aura.Core.Storage;

/// <summary>
/// The SQLite schema and its migrations. The applied version is SQLite's own header field
/// <c>PRAGMA user_version</c>; each migration runs once, in order, inside one immediate
/// transaction, so two processes starting on one file cannot both apply it.
/// Times are stored as UTC ticks (INTEGER): exact, and they sort and compare as instants.
/// </summary>
internal static class SqliteSchema
{
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE jobs (
            job_id       TEXT    NOT NULL PRIMARY KEY,
            status       TEXT    NOT NULL,
            created_at   INTEGER NOT NULL,
            completed_at INTEGER NULL,
            version      INTEGER NOT NULL UNIQUE,
            snapshot     TEXT    NOT NULL
        );
        CREATE INDEX jobs_by_creation ON jobs (created_at DESC, job_id DESC);
        CREATE INDEX jobs_by_completion ON jobs (completed_at) WHERE completed_at IS NOT NULL;

        CREATE TABLE history (
            job_id   TEXT    NOT NULL,
            version  INTEGER NOT NULL,
            snapshot TEXT    NOT NULL,
            PRIMARY KEY (job_id, version)
        ) WITHOUT ROWID;

        CREATE TABLE sequence (
            id           INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
            last_version INTEGER NOT NULL
        );
        INSERT INTO sequence (id, last_version) VALUES (1, 0);

        CREATE TABLE idempotency_keys (
            key          TEXT    NOT NULL PRIMARY KEY,
            request_hash TEXT    NOT NULL,
            job_id       TEXT    NOT NULL,
            expires_at   INTEGER NOT NULL
        );
        CREATE INDEX idempotency_keys_by_expiry ON idempotency_keys (expires_at);
        """,
        // 2: tombstones of deleted jobs, so only a recorded deletion lets a sweep remove a job's folder.
        """
        CREATE TABLE IF NOT EXISTS deleted_jobs (
            job_id TEXT NOT NULL PRIMARY KEY
        ) WITHOUT ROWID;
        """,
        // 3: a deletion takes a sequence number and keeps its time, so streams resuming from before it
        // can be told; files_pending keeps the sweep's meaning (only a recorded deletion removes files).
        // Older tombstones get number 0, which no resuming client asks after.
        """
        ALTER TABLE deleted_jobs ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE deleted_jobs ADD COLUMN deleted_at INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE deleted_jobs ADD COLUMN files_pending INTEGER NOT NULL DEFAULT 1;
        CREATE INDEX deleted_jobs_by_version ON deleted_jobs (version);
        """,
        // 4: one principal's jobs, newest first, without reading every job's snapshot: the owner kept in the
        // snapshot (none before jobs had owners: the local principal's), then the listing's order.
        $"""
        CREATE INDEX IF NOT EXISTS jobs_by_owner ON jobs ({OwnerExpression}, created_at DESC, job_id DESC);
        """,
    ];

    /// <summary>
    /// A job's owner as the index <c>jobs_by_owner</c> keeps it; a query uses the index only when it filters by this
    /// exact text. Ownerless jobs (stored before jobs had owners) are <see cref="JobQuery.DefaultOwner"/>'s.
    /// </summary>
    internal const string OwnerExpression = $"COALESCE(json_extract(snapshot, '$.owner'), '{JobQuery.DefaultOwner}')";

    public static int CurrentVersion => Migrations.Length;

    /// <summary>
    /// Turns on WAL (kept in the file from then on), checks the file is whole, and brings the schema up to date.
    /// </summary>
    /// <exception cref="UnusableDatabaseException">the file is damaged, refuses WAL, or has a newer schema.</exception>
    public static void Apply(SqliteConnection connection)
    {
        // WAL lets the SSE emitters' reads run beside the single writer instead of waiting for it.
        var mode = Sql.Scalar<string>(connection, null, "PRAGMA journal_mode = WAL");
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            throw new UnusableDatabaseException(connection.DataSource, $"cannot use write-ahead logging (SQLite keeps it in '{mode}' mode)",
                "Keep the data folder on a local disk (not a network share)");

        // A truncated file opens and reads its header fine; only reading its pages shows the damage.
        // Better to say so now, in one line, than to fail the first job that touches a lost page.
        var check = Sql.Scalar<string>(connection, null, "PRAGMA quick_check(1)");
        if (!string.Equals(check, "ok", StringComparison.Ordinal))
            throw new UnusableDatabaseException(connection.DataSource, $"is damaged (integrity check: {check})",
                UnusableDatabaseException.MoveAsideOrRestore);

        using var transaction = connection.BeginTransaction(deferred: false);
        var applied = (int)Sql.Scalar<long>(connection, transaction, "PRAGMA user_version");
        if (applied > CurrentVersion)
            throw new UnusableDatabaseException(connection.DataSource,
                $"has schema version {applied}, newer than this build knows ({CurrentVersion})",
                "Run the newer build that wrote it, or restore a backup made by this one");
        for (var version = applied + 1; version <= CurrentVersion; version++)
        {
            Sql.Execute(connection, transaction, Migrations[version - 1]);
            if (version == 2)
                CompactEndedJobs(connection, transaction);
        }
        // PRAGMA takes no parameters; the value is an integer this code made.
        Sql.Execute(connection, transaction, $"PRAGMA user_version = {CurrentVersion}");
        transaction.Commit();
    }

    /// <summary>Jobs that ended before this build compacted histories get theirs compacted once, on upgrade.</summary>
    private static void CompactEndedJobs(SqliteConnection connection, SqliteTransaction transaction)
    {
        List<string> ended = [];
        using (var command = Sql.Command(connection, transaction, "SELECT job_id FROM jobs WHERE completed_at IS NOT NULL"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
                ended.Add(reader.GetString(0));
        }
        foreach (var jobId in ended)
            SqliteJobStore.CompactHistory(connection, transaction, jobId);
    }
}
