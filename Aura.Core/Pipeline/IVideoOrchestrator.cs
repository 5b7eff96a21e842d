using Aura.Core.Kernel;
using Aura.Core.Media.Rendering;

namespace Aura.Core.Pipeline;

/// <summary>Runs a job's stages. Reports through <see cref="IJobProgress"/>; throws to fail.</summary>
public interface IVideoOrchestrator
{
    /// <summary>
    /// Runs the stages of <paramref name="job"/>. Returns when the video is written; throws
    /// <see cref="JobFailedException"/> to fail the job, <see cref="OperationCanceledException"/>
    /// when <paramref name="cancellationToken"/> fires.
    /// </summary>
    Task RunAsync(JobContext job, IJobProgress progress, CancellationToken cancellationToken);
}

/// <summary>What a stage may say about its job. Every call is one change through the runner.</summary>
public interface IJobProgress
{
    Task EnterStageAsync(JobStage stage, string message);

    /// <summary>The current stage's own percent, 0–100; the runner maps it into the job's range.</summary>
    Task ReportAsync(double stagePercent, string message, int? etaSeconds = null);

    Task WarnAsync(string message);

    Task ArtifactWrittenAsync(JobArtifact artifact);
}

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
