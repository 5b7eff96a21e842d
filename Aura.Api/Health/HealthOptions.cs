using System.ComponentModel.DataAnnotations;
using Aura.Core.Kernel;

namespace Aura.Api.Health;

/// <summary>The <c>Health</c> configuration section.</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>Below this much free space in the data folder or the logs folder, the service reports itself not ready.</summary>
    [Range(0, 10_000_000)]
    public int MinFreeDiskMegabytes { get; set; } = 64;

    public long MinFreeDiskBytes => MinFreeDiskMegabytes * 1024L * 1024;
}
