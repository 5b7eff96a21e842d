using Aura.Core.Kernel;

namespace Aura.Core.Media.Rendering;

/// <summary>
/// Appends FFmpeg run blocks to job logs (<c>Logs/ffmpeg/{jobId}.log</c>), creating folders as
/// needed. Appends go one at a time, so a block is always whole in the file.
/// </summary>
public sealed class FFmpegLogWriter(TimeProvider time)
{
    public const string CanceledExitCode = "canceled";
    public const string NotStartedExitCode = "not started";

    // One lock for all logs: an append is one small write, and this keeps two runs of the same
    // job (title cards drawn at once) from interleaving without a lock per file to clean up.
    private readonly SemaphoreSlim _append = new(1, 1);

    /// <summary>Starts a block for <paramref name="run"/>; stamped with the current time.</summary>
    public FFmpegLogBlock Begin(FFmpegRun run, string ffmpegPath) => new(run, ffmpegPath, time.GetUtcNow());

    /// <summary>Appends the finished block. Pass <see cref="CancellationToken.None"/> to log a canceled run too.</summary>
    public async Task WriteAsync(FFmpegLogBlock block, string exitCode, CancellationToken cancellationToken)
    {
        var text = block.Render(time.GetUtcNow(), exitCode);
        var folder = Path.GetDirectoryName(Path.GetFullPath(block.LogPath));
        if (folder is not null)
            Directory.CreateDirectory(folder);

        await _append.WaitAsync(cancellationToken);
        try
        {
            await File.AppendAllTextAsync(block.LogPath, text, cancellationToken);
        }
        finally
        {
            _append.Release();
        }
    }
}
