using Aura.Core.Kernel;
using Microsoft.Data.Sqlite;

namespace Aura.Core.Storage;

/// <summary>Small helpers that keep the SQLite store's statements to one line each.</summary>
internal static class Sql
{
    public static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string text,
        params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = text;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    public static int Execute(SqliteConnection connection, SqliteTransaction? transaction, string text,
        params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        using var command = Command(connection, transaction, text, parameters);
        return command.ExecuteNonQuery();
    }

    /// <summary>The first column of the first row; default when there is no row.</summary>
    public static T? Scalar<T>(SqliteConnection connection, SqliteTransaction? transaction, string text,
        params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        using var command = Command(connection, transaction, text, parameters);
        return command.ExecuteScalar() is { } value and not DBNull ? (T)value : default;
    }

    /// <summary>Every row's first column, read as a stored job snapshot.</summary>
    public static IReadOnlyList<JobSnapshot> Snapshots(SqliteConnection connection, string text,
        params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        using var command = Command(connection, null, text, parameters);
        using var reader = command.ExecuteReader();
        var jobs = new List<JobSnapshot>();
        while (reader.Read())
            jobs.Add(StoreJson.Deserialize(reader.GetString(0)));
        return jobs;
    }

    /// <summary>Every row's first column, as text.</summary>
    public static IReadOnlyList<string> Strings(SqliteConnection connection, string text,
        params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        using var command = Command(connection, null, text, parameters);
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
            values.Add(reader.GetString(0));
        return values;
    }

    public static long Ticks(DateTimeOffset time) => time.UtcTicks;

    public static DateTimeOffset FromTicks(long ticks) => new(ticks, TimeSpan.Zero);
}
