using Aura.Core.Kernel;

namespace Aura.Core.Media.Rendering;

/// <summary>
/// Runs FFmpeg for a job: arguments as a list (never a shell), each run appended as a block to the
/// job's FFmpeg log, progress read from <c>-progress pipe:1</c>, failures classified into E-codes
/// (thrown as <see cref="Jobs.JobFailedException"/>), cancellation graceful then forceful.
/// </summary>
public interface IFFmpegRunner
{
    /// <summary>
    /// Runs FFmpeg once. Returns when it exited 0 (after a last <paramref name="onProgress"/> at 100 %).
    /// Throws <see cref="Jobs.JobFailedException"/> (E302, E304, E306) when it could not start or exited
    /// non-zero, and <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/>
    /// fired; in both cases the run's <see cref="FFmpegRun.OutputFiles"/> are removed and no process is left.
    /// FFmpeg writes each output to a temporary file of its own beside it, moved into place only when it
    /// exited 0: an output never holds a half-written file, and no two runs ever write one file.
    /// An exit on a signal while the service stops is an interruption (<see cref="OperationCanceledException"/>), not a failure.
    /// </summary>
    Task RunAsync(FFmpegRun run, Func<FFmpegProgress, Task>? onProgress, CancellationToken cancellationToken);
}
