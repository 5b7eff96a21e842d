using Aura.Core.Kernel;

namespace Aura.Core.Storage;

/// <summary>When a job ended, as retention reads it: the same rule for every store.</summary>
internal static class JobEndTime
{
    /// <summary>When a job ended. A terminal job always has a completion time; its last update stands in should one lack it.</summary>
    public static DateTimeOffset EndedAt(this JobSnapshot job) => job.CompletedAt ?? job.UpdatedAt;
}
