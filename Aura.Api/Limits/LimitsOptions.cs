using System.ComponentModel.DataAnnotations;

namespace Aura.Api.Limits;

/// <summary>The <c>Limits</c> configuration section: how fast one principal may create jobs (a token bucket).</summary>
public sealed class LimitsOptions
{
    public const string Section = "Limits";

    /// <summary>How many jobs a principal may create at once before it must wait for the bucket to refill.</summary>
    [Range(1, 100_000)]
    public int JobCreationBurst { get; set; } = 60;

    /// <summary>How long the bucket takes to get one job back.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan JobCreationRefill { get; set; } = TimeSpan.FromSeconds(1);
}
