namespace Aura.Bench;

/// <summary>Where the run is, on stderr (the figures go to stdout), so a slow or stuck phase shows which it is.</summary>
public static class Progress
{
    public static void Say(string what) => Console.Error.WriteLine($"[{DateTimeOffset.UtcNow:HH:mm:ss}] {what}");
}
