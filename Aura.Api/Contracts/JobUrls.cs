namespace Aura.Api.Contracts;

/// <summary>
/// The service's routes, in one place: the templates the controllers declare and the URLs the wire
/// carries are built from the same words.
/// </summary>
public static class JobUrls
{
    /// <summary>Route template of the jobs collection (controllers' <c>[Route]</c>).</summary>
    public const string JobsTemplate = "api/jobs";

    /// <summary>Route template of one job's sub-resources.</summary>
    public const string JobTemplate = JobsTemplate + "/{jobId}";

    public const string QuickTemplate = "api/quick";

    public const string MetaTemplate = "api/meta";

    /// <summary>The list of jobs, and where a new job is posted.</summary>
    public const string Jobs = "/" + JobsTemplate;

    public static string Job(string jobId) => $"{Jobs}/{jobId}";

    public static string Events(string jobId) => $"{Jobs}/{jobId}/events";

    public static string Cancel(string jobId) => $"{Jobs}/{jobId}/cancel";

    public static string FFmpegLog(string jobId) => $"{Jobs}/{jobId}/logs/ffmpeg";

    public static string Artifact(string jobId, string name) => $"{Jobs}/{jobId}/artifacts/{Uri.EscapeDataString(name)}";
}
