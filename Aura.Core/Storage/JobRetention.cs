using Aura.Core.Kernel;

namespace Aura.Core.Storage;

/// <summary>What retention goes by, the same for every store.</summary>
internal static class JobRetention
{
    /// <summary>When a job ended. A terminal job always has a completion time; its last update stands in should one lack it.</summary>
    public static DateTimeOffset EndedAt(this JobSnapshot job) => job.CompletedAt ?? job.UpdatedAt;
}
