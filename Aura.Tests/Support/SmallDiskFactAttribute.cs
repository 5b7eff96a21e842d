namespace Aura.Tests.Support;

/// <summary>A fact on a real small disk (<see cref="SmallDisk"/>): skipped, saying why, where a tmpfs cannot be mounted (not root, not Linux).</summary>
public sealed class SmallDiskFactAttribute : FactAttribute
{
    public SmallDiskFactAttribute()
    {
        if (SmallDisk.CannotMount is { } why)
            Skip = "Needs a small tmpfs: " + why;
    }
}
