using Aura.Core.Kernel;

namespace Aura.Core.Storage;

// Lists of jobs. Each is one statement on the jobs table, so it reads one consistent state.
public sealed partial class SqliteJobStore
{
    public Task<IReadOnlyList<JobSnapshot>> ListAsync(JobQuery query, CancellationToken cancellationToken)
    {
        // One parameter per status ($s0, $s1, …); the names are made here, the values stay parameters.
        var statuses = query.Statuses.Distinct().Select((status, i) => ($"$s{i}", (object?)status.ToString())).ToList();
        var statusFilter = statuses.Count == 0 ? "" : $"AND status IN ({string.Join(", ", statuses.Select(s => s.Item1))})";
        var sql = $"""
            SELECT snapshot FROM jobs
            WHERE ($before IS NULL OR created_at < $before) {statusFilter}
              AND ($owner IS NULL OR COALESCE(json_extract(snapshot, '$.owner'), $defaultOwner) = $owner)
            ORDER BY created_at DESC, job_id DESC LIMIT $limit
            """;
        (string, object?)[] parameters =
        [
            ("$before", query.CreatedBefore is { } before ? Sql.Ticks(before) : null),
            ("$limit", NoneBelowZero(query.Limit)),
            ("$owner", query.Owner),
            ("$defaultOwner", JobQuery.DefaultOwner),
            .. statuses,
        ];
        return Read(connection => Sql.Snapshots(connection, sql, parameters), cancellationToken);
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
