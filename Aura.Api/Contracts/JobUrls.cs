namespace Aura.Api.Contracts;

/// <summary>The service's URLs for a job, in one place.</summary>
public static class JobUrls
{
    public static string Job(string jobId) => $"/api/jobs/{jobId}";

    public static string Events(string jobId) => $"/api/jobs/{jobId}/events";

    public static string Cancel(string jobId) => $"/api/jobs/{jobId}/cancel";

    public static string FFmpegLog(string jobId) => $"/api/jobs/{jobId}/logs/ffmpeg";

    public static string Artifact(string jobId, string name) => $"/api/jobs/{jobId}/artifacts/{Uri.EscapeDataString(name)}";
}
