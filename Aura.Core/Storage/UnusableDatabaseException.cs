using Microsoft.Data.Sqlite;
using static SQLitePCL.raw;

namespace Aura.Core.Storage;

/// <summary>
/// The database file cannot be used: damaged, not a database, unwritable, locked, or from a newer
/// build. The message is one line for an operator: which file, what is wrong, and what to do.
/// </summary>
public sealed class UnusableDatabaseException(string databasePath, string problem, string remedy, Exception? inner = null)
    : Exception($"The database {databasePath} {problem}. {remedy}".ReplaceLineEndings(" "), inner)
{
    /// <summary>What to do about a file that is not (or no longer) a whole database.</summary>
    public const string MoveAsideOrRestore =
        "Move the file aside (with its -wal and -shm files) to start with an empty database, or restore it from a backup";

    public string DatabasePath { get; } = databasePath;

    /// <summary>Says what an error of SQLite's while opening the file means for the operator.</summary>
    public static UnusableDatabaseException From(string databasePath, SqliteException error)
    {
        // The primary result code is the low byte of an extended one.
        var (problem, remedy) = (error.SqliteErrorCode & 0xFF) switch
        {
            SQLITE_NOTADB => ("is not a SQLite database (overwritten or damaged)", MoveAsideOrRestore),
            SQLITE_CORRUPT => ("is damaged (its structure is malformed, for example a truncated copy)", MoveAsideOrRestore),
            SQLITE_READONLY => ("is read-only: the service cannot write to it",
                "Make the file, its folder and its file system writable for the service's user (permissions, chattr -i, a read-only mount)"),
            SQLITE_CANTOPEN or SQLITE_PERM or SQLITE_AUTH => ("cannot be opened",
                "Check that it is a file (not a folder) that the service's user may read and write, in a folder it may write (for the -wal and -shm files)"),
            SQLITE_BUSY or SQLITE_LOCKED => ("is locked by another process",
                "Stop the other program that holds it locked (an open sqlite3 session, a backup or copy tool), or give this service a Storage:DataFolder of its own"),
            SQLITE_IOERR => ("could not be read or written (I/O error)", "Check the disk and the file system; if the file is damaged, restore it from a backup"),
            SQLITE_FULL => ("cannot grow: the disk is full", "Free space on the disk of the data folder"),
            _ => ("cannot be used", MoveAsideOrRestore),
        };
        return new UnusableDatabaseException(databasePath, $"{problem} ({error.Message.Trim()})", remedy, error);
    }
}
