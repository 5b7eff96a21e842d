using Aura.Core.Kernel;
using Aura.Core.Jobs;

namespace Aura.Api.Security;

/// <summary>
/// Finds a job as the asking principal may know it: another principal's job does not exist for it
/// (every route answers 404, as for an unknown id), and paths are shown only where allowed.
/// </summary>
public sealed class JobAccess(Core.Storage.IJobStore store)
{
    /// <summary>The job, unredacted (for the server's own use, such as serving its files), or null when the user may not see it.</summary>
    public async Task<JobSnapshot?> FindAsync(HttpContext context, string jobId, CancellationToken cancellationToken) =>
        VisibleTo(context.User, await store.GetAsync(jobId, cancellationToken));

    /// <summary><paramref name="job"/> (however it was read), or null when it is none or <paramref name="user"/> may not see it.</summary>
    public static JobSnapshot? VisibleTo(System.Security.Claims.ClaimsPrincipal user, JobSnapshot? job) =>
        job is not null && Principals.CanSee(user, job) ? job : null;
}
