using Aura.Api.Sse;
using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Core.Media.Rendering;
using Aura.Core.Pipeline;
using Aura.Core.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Aura.Api.Controllers;

/// <summary>Readiness of what jobs need (FFmpeg, the store, disk) and how many event streams are open.</summary>
[ApiController]
[Route("health")]
public sealed class HealthController(FFmpegLocator ffmpeg, IJobStore store, StoreSpace space, SseMetrics streams,
    JobFiles files, IOptions<SseOptions> sse, IOptions<HealthOptions> health) : ControllerBase
{
    [HttpGet]
    public async Task<IActionResult> Get(CancellationToken cancellationToken)
    {
        var f = await ffmpeg.GetStatusAsync(cancellationToken);
        var storeReady = await StoreIsReadyAsync(cancellationToken);
        var disk = DiskHealth.Of(files.DataFolder, files.LogsFolder, health.Value.MinFreeDiskBytes, space);
        var ready = f.IsUsable && storeReady.Ready && disk.Ready;
        return Ok(new
        {
            status = ready ? "Healthy" : "Unhealthy",
            ffmpeg = new { ready = f.IsUsable, path = f.FFmpegPath, probePath = f.ProbePath, version = f.Version, hasLibx264 = f.HasLibx264, problem = f.Problem, remediation = f.Remediation },
            store = new { ready = storeReady.Ready, kind = store.GetType().Name, lastVersion = storeReady.LastVersion, problem = storeReady.Problem },
            disk,
            streams = new { open = streams.OpenStreams, opened = streams.StreamsOpened, pollInterval = sse.Value.PollInterval, wakeOnChange = sse.Value.WakeOnChange },
        });
    }

    private async Task<(bool Ready, long? LastVersion, string? Problem)> StoreIsReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (true, await store.GetLastVersionAsync(cancellationToken), null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return (false, null, ex.Message);
        }
    }
}
