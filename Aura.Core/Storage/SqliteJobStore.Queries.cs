using Aura.Core.Kernel;

namespace Aura.Core.Storage;

// Lists of jobs. Each is one statement on the jobs table, so it reads one consistent state.
public sealed partial class SqliteJobStore
{
    public Task<IReadOnlyList<JobSnapshot>> ListAsync(JobQuery query, CancellationToken cancellationToken)
    {
        var (sql, parameters) = ListStatement(query);
        return Read(connection => Sql.Snapshots(connection, sql, parameters), cancellationToken);
    }

    /// <summary>
    /// The statement <see cref="ListAsync"/> runs, with its parameters. An owner is filtered by the very expression
    /// of the index <c>jobs_by_owner</c> (<see cref="SqliteSchema"/>), and only when there is one: an
    /// <c>$owner IS NULL OR …</c> filter would keep SQLite from using the index, and scan every job.
    /// </summary>
    internal static (string Sql, (string Name, object? Value)[] Parameters) ListStatement(JobQuery query)
    {
        // One parameter per status ($s0, $s1, …); the names are made here, the values stay parameters.
        var statuses = query.Statuses.Distinct().Select((status, i) => ($"$s{i}", (object?)status.ToString())).ToList();
        var statusFilter = statuses.Count == 0 ? "" : $"AND status IN ({string.Join(", ", statuses.Select(s => s.Item1))})";
        var ownerFilter = query.Owner is null ? "" : $"AND {SqliteSchema.OwnerExpression} = $owner";
        var sql = $"""
            SELECT snapshot FROM jobs
            WHERE ($before IS NULL OR created_at < $before) {statusFilter} {ownerFilter}
            ORDER BY created_at DESC, job_id DESC LIMIT $limit
            """;
        (string, object?)[] parameters =
        [
            ("$before", query.CreatedBefore is { } before ? Sql.Ticks(before) : null),
            ("$limit", NoneBelowZero(query.Limit)),
            ("$owner", query.Owner),
            .. statuses,
        ];
        return (sql, parameters);
    }

    public Task<IReadOnlyDictionary<JobStatus, int>> CountByStatusAsync(CancellationToken cancellationToken) =>
        Read<IReadOnlyDictionary<JobStatus, int>>(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT status, COUNT(*) FROM jobs GROUP BY status";
            using var reader = command.ExecuteReader();
            var counts = new Dictionary<JobStatus, int>();
            while (reader.Read())
            {
                if (Enum.TryParse<JobStatus>(reader.GetString(0), out var status))
                    counts[status] = reader.GetInt32(1);
            }
            return counts;
        }, cancellationToken);

    public Task<IReadOnlyList<JobSnapshot>> ListChangedAfterAsync(long afterVersion, int limit, CancellationToken cancellationToken) =>
        Read(connection => Sql.Snapshots(connection,
            "SELECT snapshot FROM jobs WHERE version > $after ORDER BY version LIMIT $limit",
            ("$after", afterVersion), ("$limit", NoneBelowZero(limit))), cancellationToken);

    public Task<IReadOnlyList<JobSnapshot>> ListTerminalBeforeAsync(DateTimeOffset completedBefore, int limit, CancellationToken cancellationToken) =>
        Read(connection => Sql.Snapshots(connection,
            "SELECT snapshot FROM jobs WHERE completed_at < $before ORDER BY completed_at, job_id LIMIT $limit",
            ("$before", Sql.Ticks(completedBefore)), ("$limit", NoneBelowZero(limit))), cancellationToken);

    /// <summary>SQLite reads a negative LIMIT as "no limit"; a negative limit here means none, as in LINQ's Take.</summary>
    private static int NoneBelowZero(int limit) => Math.Max(0, limit);
}
