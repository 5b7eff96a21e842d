using System.Globalization;
using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Core.Storage;

namespace Aura.Api.Health;

/// <summary>
/// The disk part of readiness: free space of the data folder and the logs folder against
/// <c>Health:MinFreeDiskMegabytes</c>, and whether the store's last write failed for lack of space.
/// Not ready says why (<see cref="Problem"/>) and what to do (<see cref="Remediation"/>).
/// </summary>
public sealed record DiskHealth(
    bool Ready, string Folder, long? FreeBytes, long MinFreeBytes, DiskHealth.FolderSpace Logs,
    StoreSpace.Full? LastStoreWriteFull, string? Problem, string? Remediation)
{
    public static DiskHealth Of(string dataFolder, string logsFolder, long minFreeBytes, StoreSpace space)
    {
        var data = FolderSpace.Of(dataFolder, minFreeBytes);
        var logs = FolderSpace.Of(logsFolder, minFreeBytes);
        var storeFull = space.IsFull(data.FreeBytes) ? space.LastFull : null;

        var problems = new List<string>();
        if (storeFull is not null)
            problems.Add("The job store's last write failed: its disk is full.");
        if (!data.Ready)
            problems.Add($"The data folder has {Megabytes(data.FreeBytes)} free, below Health:MinFreeDiskMegabytes ({Megabytes(minFreeBytes)}).");
        if (!logs.Ready)
            problems.Add($"The logs folder has {Megabytes(logs.FreeBytes)} free, below Health:MinFreeDiskMegabytes ({Megabytes(minFreeBytes)}).");
        var ready = problems.Count == 0;

        string? remediation = null;
        if (storeFull is not null || !data.Ready)
            remediation = DiskFullAdvice.FreeSpace;
        if (!logs.Ready)
            remediation = (remediation is null ? "" : remediation + " ") + "Free disk space on the volume that holds the logs folder (Jobs:LogsFolder).";

        return new DiskHealth(ready, data.Folder, data.FreeBytes, minFreeBytes, logs,
            storeFull,
            ready ? null : string.Join(" ", problems), remediation);
    }

    private static string Megabytes(long? bytes) => string.Create(CultureInfo.InvariantCulture, $"{(bytes ?? 0) / (1024.0 * 1024):0.#} MB");

    /// <summary>One folder's free space; a folder whose space cannot be read counts as ready (nothing is known against it).</summary>
    public sealed record FolderSpace(string Folder, long? FreeBytes, bool Ready)
    {
        public static FolderSpace Of(string folder, long minFreeBytes)
        {
            long? free;
            try
            {
                Directory.CreateDirectory(folder);
                free = StoreSpace.FreeBytes(folder);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
            {
                free = null;
            }
            return new FolderSpace(folder, free, free is null || free >= minFreeBytes);
        }
    }
}
