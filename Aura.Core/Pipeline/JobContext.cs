using Aura.Core.Kernel;
using Aura.Core.Media.Rendering;

namespace Aura.Core.Pipeline;

/// <summary>Everything a run needs to know about its job.</summary>
/// <param name="WorkFolder">The job's own folder for its files; it exists when the run starts.</param>
/// <param name="FFmpegLogPath">Where the job's FFmpeg log goes (<c>Logs/ffmpeg/{jobId}.log</c>).</param>
/// <param name="Attempt">1 for a first run; more when resumed after a restart.</param>
public sealed record JobContext(
    string JobId,
    string CorrelationId,
    JobRequest Request,
    string WorkFolder,
    string FFmpegLogPath,
    int Attempt)
{
    /// <summary>What an FFmpeg run of this job needs: its ids and its log.</summary>
    public FFmpegJob FFmpeg => new(JobId, CorrelationId, FFmpegLogPath);
}
