using System.Globalization;
using Aura.Core.Jobs;
using Aura.Core.Kernel;

namespace Aura.Api.Controllers;

/// <summary>Parses the list and stream query parameters, naming each one that is wrong.</summary>
public static class JobQueryParameters
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary><c>status</c> as a comma-separated list and/or repeated parameter of status names (case-insensitive).</summary>
    public static HashSet<JobStatus> Statuses(IEnumerable<string?> values, IDictionary<string, string[]> errors)
    {
        var statuses = new HashSet<JobStatus>();
        foreach (var name in values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (Enum.TryParse<JobStatus>(name, ignoreCase: true, out var status) && Enum.IsDefined(status) && !int.TryParse(name, out _))
                statuses.Add(status);
            else
                errors["status"] = [$"'{name}' is not a status; use {string.Join(", ", Enum.GetNames<JobStatus>())}."];
        }
        return statuses;
    }

    public static int Limit(string? value, IDictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(value))
            return DefaultLimit;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= MaxLimit)
            return limit;
        errors["limit"] = [$"Use a whole number from 1 to {MaxLimit}."];
        return DefaultLimit;
    }

    /// <summary><c>before</c>: an ISO-8601 time; only jobs created strictly before it (the <c>createdAt</c> of the last job of a page).</summary>
    public static DateTimeOffset? Before(string? value, IDictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(value))
            return null;
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var before))
            return before;
        errors["before"] = ["Use an ISO-8601 time such as 2026-11-23T16:00:00.000Z (a job's createdAt)."];
        return null;
    }
}
