namespace Aura.Tests.Support;

public static class Eventually
{
    /// <summary>
    /// Waits for a condition that no event announces (a gauge going back to zero), checking it often
    /// and failing after <paramref name="timeout"/>.
    /// </summary>
    public static async Task TrueAsync(Func<bool> condition, TimeSpan? timeout = null, string? because = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, because ?? "the condition did not come true in time");
            await Task.Delay(20);
        }
    }
}
