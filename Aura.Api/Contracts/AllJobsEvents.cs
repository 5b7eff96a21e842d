namespace Aura.Api.Contracts;

/// <summary>The event names of the all-jobs stream (<c>GET /api/jobs/events</c>); the per-job names are on <see cref="JobEvent"/>.</summary>
public static class AllJobsEvents
{
    /// <summary>A job's newest state (its data is the job as REST shows it).</summary>
    public const string Update = "job-update";

    /// <summary>A job was deleted (<see cref="JobDeletedEvent"/>).</summary>
    public const string Deleted = "job-deleted";
}
