namespace Aura.Core.Media.Rendering;

/// <summary>
/// The little media needs to know about a job: its ids, for the log and the process record, and
/// the path of its FFmpeg log. Media knows nothing of the pipeline's job context.
/// </summary>
public sealed record FFmpegJob(string JobId, string CorrelationId, string FFmpegLogPath);
