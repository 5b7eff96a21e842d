using Microsoft.Extensions.Hosting;
using Aura.Core.Kernel;

namespace Aura.Core.Media.Processes;

/// <summary>
/// At start, before the job workers (registered after it) resume anything, stops the FFmpeg processes a
/// killed earlier run of the service left behind, so a resumed job never shares its output with one.
/// </summary>
public sealed class ChildProcessReaper(ChildProcessRegistry registry) : IHostedService
{
    // A SIGKILLed process dies at once; this only bounds a wait for one stuck in the kernel (D state).
    private static readonly TimeSpan DeathWait = TimeSpan.FromSeconds(10);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        registry.StopLeftovers(DeathWait);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
