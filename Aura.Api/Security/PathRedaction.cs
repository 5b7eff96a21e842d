using Aura.Core.Kernel;
using System.Collections.Immutable;
using System.Security.Claims;
using Aura.Core.Jobs;

namespace Aura.Api.Security;

/// <summary>
/// Server file-system paths go only to local mode and to admins: for anyone else a job's artifact
/// paths and its failure's log path become bare file names before the job is shown or diffed into
/// events (so <c>artifacts[].path</c>, <c>output.videoPath</c>, <c>output.subtitlePath</c> and
/// <c>failure.logPath</c> all say only a name; the URLs say where to fetch).
/// </summary>
public static class PathRedaction
{
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(job))]
    public static JobSnapshot? ShownTo(ClaimsPrincipal user, JobSnapshot? job) =>
        job is null || Principals.SeesPaths(user) ? job : HidePaths(job);

    public static JobSnapshot HidePaths(JobSnapshot job) => job with
    {
        Artifacts = job.Artifacts.Select(a => a with { Path = Path.GetFileName(a.Path) }).ToImmutableList(),
        Failure = job.Failure is { LogPath: { } log } failure ? failure with { LogPath = Path.GetFileName(log) } : job.Failure,
    };
}
