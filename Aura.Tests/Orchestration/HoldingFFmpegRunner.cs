using Aura.Core.Media.Rendering;

namespace Aura.Tests.Orchestration;

/// <summary>
/// The real FFmpeg runner, except that while <see cref="HoldRender"/> is set the final render waits
/// until its run is canceled: a service stopping mid-render, at a moment the test chooses.
/// </summary>
internal sealed class HoldingFFmpegRunner(IFFmpegRunner inner) : IFFmpegRunner
{
    private readonly TaskCompletionSource _renderHeld = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool HoldRender { get; set; } = true;

    /// <summary>Completes when a render is being held.</summary>
    public Task RenderHeld => _renderHeld.Task;

    public async Task RunAsync(FFmpegRun run, Func<FFmpegProgress, Task>? onProgress, CancellationToken cancellationToken)
    {
        if (HoldRender && run.Purpose == "render")
        {
            _renderHeld.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        await inner.RunAsync(run, onProgress, cancellationToken);
    }
}
