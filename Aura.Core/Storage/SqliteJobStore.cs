using Microsoft.Data.Sqlite;

namespace Aura.Core.Storage;

/// <summary>
/// The embedded default store: one SQLite file in WAL mode holding the jobs, their history (the
/// snapshot at each sequence number), the one-row sequence and the idempotency keys.
/// <para>
/// Connections: one per operation, from Microsoft.Data.Sqlite's pool. Its objects are not
/// thread-safe, so a shared connection would make every reader queue behind one lock; pooled
/// connections let the SSE emitters' per-second reads run in parallel (WAL readers never wait for
/// the writer) while reopening a pooled connection costs next to nothing.
/// </para>
/// <para>
/// Writes: SQLite has one writer at a time anyway, so this process's writes take turns on a lock
/// (no busy-retry sleeps between our own threads) and run in <c>BEGIN IMMEDIATE</c> transactions,
/// so another process on the same file waits up to the busy timeout instead of failing a lock upgrade.
/// </para>
/// <para>
/// Microsoft.Data.Sqlite's async methods run synchronously (SQLite has no async I/O), so this
/// store does its short work synchronously and returns completed tasks; the token is checked first,
/// and a failure is returned as a faulted task, as a truly asynchronous store would report it.
/// </para>
/// </summary>
public sealed partial class SqliteJobStore : IJobStore, IDisposable
{
    /// <summary>SQLite's primary result code SQLITE_FULL: "database or disk is full".</summary>
    private const int SqliteFull = 13;

    private readonly Lock _writer = new();
    private readonly string _connectionString;

    /// <param name="databasePath">The database file; its folder is created when missing.</param>
    /// <param name="busyTimeout">How long to wait for another process's lock on the file (whole seconds, at least 1).</param>
    /// <param name="space">Where this store tells whether its last write failed for lack of space.</param>
    /// <exception cref="UnusableDatabaseException">the file cannot be used; the message says why and what to do.</exception>
    public SqliteJobStore(string databasePath, TimeSpan busyTimeout, StoreSpace? space = null)
    {
        Space = space ?? new StoreSpace();
        DatabasePath = Path.GetFullPath(databasePath);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new UnusableDatabaseException(DatabasePath, $"cannot be created: its folder cannot be made ({error.Message})",
                "Check Storage:DataFolder and that the service's user may create folders there", error);
        }
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = (int)Math.Max(1, Math.Ceiling(busyTimeout.TotalSeconds)),
        }.ToString();

        try
        {
            using var connection = Open();
            SqliteSchema.Apply(connection);
        }
        catch (Exception error)
        {
            Dispose(); // lets go of the file, so the operator can move it aside
            if (error is SqliteException sqlite)
                throw UnusableDatabaseException.From(DatabasePath, sqlite);
            throw;
        }
    }

    public string DatabasePath { get; }

    public StoreSpace Space { get; }

    /// <summary>Closes the pooled connections of this file, so it can be moved or deleted.</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private Task<T> Read<T>(Func<SqliteConnection, T> work, CancellationToken cancellationToken) => Run(() =>
    {
        using var connection = Open();
        return work(connection);
    }, cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> as one transaction: committed when it returns, rolled back when it
    /// throws. A full disk is reported as <see cref="StoreFullException"/> (and to <see cref="Space"/>).
    /// When <paramref name="checkpointAfter"/> says so of the result, the WAL is then checkpointed.
    /// </summary>
    private Task<T> Write<T>(Func<SqliteConnection, SqliteTransaction, T> work, CancellationToken cancellationToken,
        Func<T, bool>? checkpointAfter = null) => Run(() =>
    {
        lock (_writer)
        {
            try
            {
                using var connection = Open();
                // Per connection, not kept in the file. In WAL mode NORMAL keeps the database consistent;
                // a power cut may only lose the last commits.
                Sql.Execute(connection, null, "PRAGMA synchronous = NORMAL");
                using var transaction = connection.BeginTransaction(deferred: false);
                var result = work(connection, transaction);
                transaction.Commit();
                Space.ReportWritten();
                if (checkpointAfter?.Invoke(result) == true)
                    Checkpoint(connection);
                return result;
            }
            catch (SqliteException error) when ((error.SqliteErrorCode & 0xFF) == SqliteFull)
            {
                Space.ReportFull(Path.GetDirectoryName(DatabasePath)!);
                throw new StoreFullException("The disk that holds the job store is full: nothing was written.", error);
            }
        }
    }, cancellationToken);

    /// <summary>
    /// Copies the WAL into the database file and truncates it to zero bytes, so the WAL does not
    /// keep the size of its busiest moment. Best effort: while a reader still uses older pages
    /// SQLite reports busy and leaves the WAL as it is; the next ended job tries again.
    /// </summary>
    private static void Checkpoint(SqliteConnection connection)
    {
        try
        {
            Sql.Execute(connection, null, "PRAGMA wal_checkpoint(TRUNCATE)");
        }
        catch (SqliteException)
        {
            // The write it follows is committed; a checkpoint that could not run now changes nothing.
        }
    }

    private static Task<T> Run<T>(Func<T> work, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
            return Task.FromCanceled<T>(cancellationToken);
        try
        {
            return Task.FromResult(work());
        }
        catch (Exception error)
        {
            return Task.FromException<T>(error);
        }
    }
}
