namespace Aura.Core.Storage;

/// <summary>
/// What the store last learned about its disk: whether its latest write failed for lack of space,
/// and how much was free then. Readiness reads it. A write that succeeds clears it; so does space
/// that came back, since a node kept out of rotation would otherwise get no write to clear it with.
/// </summary>
public sealed class StoreSpace(TimeProvider? time = null)
{
    /// <summary>More free than at the failure by this much counts as space that came back.</summary>
    public const long RecoveredMargin = 1024 * 1024;

    private Full? _full;

    /// <summary>The latest write failed for lack of space (null once a write succeeded).</summary>
    public Full? LastFull => Volatile.Read(ref _full);

    public void ReportFull(string folder) => Volatile.Write(ref _full, new Full((time ?? TimeProvider.System).GetUtcNow(), FreeBytes(folder)));

    public void ReportWritten()
    {
        if (Volatile.Read(ref _full) is not null)
            Volatile.Write(ref _full, null);
    }

    /// <summary>True while the latest write failed for lack of space and no space has come back since.</summary>
    public bool IsFull(long? freeBytesNow) =>
        LastFull is { } full && (freeBytesNow is not { } now || full.FreeBytes is not { } then || now < then + RecoveredMargin);

    /// <summary>The space a process may still use in <paramref name="folder"/>'s volume; null when it cannot be read.</summary>
    public static long? FreeBytes(string folder)
    {
        try
        {
            return new DriveInfo(Path.GetFullPath(folder)).AvailableFreeSpace;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    public sealed record Full(DateTimeOffset At, long? FreeBytes);
}
