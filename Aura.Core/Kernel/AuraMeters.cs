namespace Aura.Core.Kernel;

/// <summary>
/// The names of the service's meters. The jobs' instruments come from more than one layer (the runner
/// counts jobs, an FFmpeg run measures render speed), but they share one meter name so the exporter
/// shows them side by side as <c>aura_jobs_*</c>.
/// </summary>
public static class AuraMeters
{
    public const string Jobs = "Aura.Jobs";
}
