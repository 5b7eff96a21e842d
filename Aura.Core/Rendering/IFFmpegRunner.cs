using Aura.Core.Orchestration;

namespace Aura.Core.Rendering;

/// <summary>
/// Runs FFmpeg for a job: arguments as a list (never a shell), each run appended as a block to the
/// job's FFmpeg log, progress read from <c>-progress pipe:1</c>, failures classified into E-codes
/// (thrown as <see cref="Jobs.JobFailedException"/>), cancellation graceful then forceful.
/// </summary>
public interface IFFmpegRunner
{
    Task RunAsync(FFmpegRun run, Func<FFmpegProgress, Task>? onProgress, CancellationToken cancellationToken);
}

/// <param name="Purpose">A few words for the log, e.g. "title card 2" or "render".</param>
/// <param name="Arguments">Everything after the executable's name.</param>
/// <param name="ExpectedDuration">The media length the run produces, to turn out_time into a percent; null when unknown.</param>
/// <param name="OutputFiles">Files this run writes, removed when it fails or is canceled.</param>
public sealed record FFmpegRun(
    JobContext Job,
    string Purpose,
    IReadOnlyList<string> Arguments,
    TimeSpan? ExpectedDuration,
    IReadOnlyList<string> OutputFiles);

/// <param name="Percent">0–100, clamped; never reaches 100 before FFmpeg exits 0.</param>
public sealed record FFmpegProgress(TimeSpan OutTime, double Percent, int? EtaSeconds);
