using Aura.Tests.Support;

namespace Aura.Tests.Api;

public sealed class HealthDiskTests
{
    [Fact]
    public async Task Below_the_free_space_threshold_health_is_not_ready_and_says_which_folders_and_what_to_do()
    {
        // More than any disk here has: both folders fall below it.
        using var app = new AuraApplication { Settings = { ["Health:MinFreeDiskMegabytes"] = "10000000" } };

        var health = await app.Client().GetHealthAsync();

        Assert.Equal("Unhealthy", health.GetProperty("status").GetString());
        var disk = health.GetProperty("disk");
        Assert.False(disk.GetProperty("ready").GetBoolean());
        Assert.Equal(10_000_000L * 1024 * 1024, disk.GetProperty("minFreeBytes").GetInt64());
        Assert.True(disk.GetProperty("freeBytes").GetInt64() > 0);
        Assert.True(disk.GetProperty("logs").GetProperty("freeBytes").GetInt64() > 0);
        Assert.Equal(app.LogsFolder, disk.GetProperty("logs").GetProperty("folder").GetString());
        var problem = disk.GetProperty("problem").GetString()!;
        Assert.Contains("data folder", problem);
        Assert.Contains("logs folder", problem);
        Assert.Contains("Health:MinFreeDiskMegabytes", problem);
        var remediation = disk.GetProperty("remediation").GetString()!;
        Assert.Contains("Storage:DataFolder", remediation);
        Assert.Contains("Jobs:LogsFolder", remediation);
    }

    [Fact]
    public async Task With_room_on_both_folders_the_disk_is_ready_and_says_nothing_is_wrong()
    {
        using var app = new AuraApplication { Settings = { ["Health:MinFreeDiskMegabytes"] = "1" } };

        var disk = (await app.Client().GetHealthAsync()).GetProperty("disk");

        Assert.True(disk.GetProperty("ready").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, disk.GetProperty("problem").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, disk.GetProperty("lastStoreWriteFull").ValueKind);
    }
}
