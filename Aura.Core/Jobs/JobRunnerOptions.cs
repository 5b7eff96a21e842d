using System.ComponentModel.DataAnnotations;
using Aura.Core.Kernel;

namespace Aura.Core.Jobs;

/// <summary>The <c>Jobs</c> configuration section.</summary>
public sealed class JobRunnerOptions
{
    public const string Section = "Jobs";

    /// <summary>
    /// How many jobs run at once on this node. 0 makes an API-only node (shared store only): it runs no job and
    /// recovers none; worker nodes do (see <see cref="WorkerlessNodeValidator"/>).
    /// </summary>
    [Range(0, 64)]
    public int Workers { get; set; } = 2;

    /// <summary>How many jobs may wait for a worker before new ones are refused.</summary>
    [Range(1, 100_000)]
    public int QueueCapacity { get; set; } = 100;

    /// <summary>How many times a job interrupted by a restart is started in all before it fails.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 2;

    /// <summary>
    /// A shared queue's (Redis) lease on a claimed job: renewed every third of it while the worker lives; a
    /// worker that has not renewed for this long has lost the job, and another worker runs it as its next attempt.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan LeaseTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A running job that reports nothing for this long fails with E305-JOB_STALLED.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A running job that reports nothing for this long gets a <c>warning</c> (it keeps running until <see cref="StallTimeout"/>).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan StallWarning { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>A run that lasts longer than this in all fails with E305, however much progress it reports.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromHours(2);

    /// <summary>
    /// How long a cancel request waits for the job to end before it answers. <c>FFmpeg:KillGracePeriod</c>
    /// must be shorter, so an FFmpeg that ignores the interrupt is killed in time for the answer to read Canceled.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan CancelWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long an <c>Idempotency-Key</c> stays tied to the job its first request made.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan IdempotencyKeyLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Ended jobs older than this many days are removed with their files.</summary>
    [Range(1, 36_500)]
    public int RetentionDays { get; set; } = 30;

    /// <summary>How often old jobs and expired idempotency keys are swept.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Where the application and FFmpeg logs go (FFmpeg logs under <c>ffmpeg/</c>). Relative paths are under
    /// the content root. Read here; every path under it comes from <see cref="Pipeline.JobFiles"/>.
    /// </summary>
    [Required]
    public string LogsFolder { get; set; } = "Logs";
}
