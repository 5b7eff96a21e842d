using System.Net;

namespace Aura.Tests.Security;

/// <summary>The built service refuses to serve the keyless API on every interface, and says how to configure keys.</summary>
public sealed class RemoteBindTests
{
    [Fact]
    public async Task Binding_every_interface_without_keys_is_refused_with_how_to_configure_keys()
    {
        using var folder = new TempFolder();
        var (exitCode, output) = await ServiceProcess.RunToExitAsync(folder.Combine("data"), folder.Combine("logs"), "--urls", "http://0.0.0.0:0");
        Assert.NotEqual(0, exitCode);
        Assert.Contains("Auth__ApiKeys__", output);
        Assert.Contains("0.0.0.0", output);
    }

    [Fact]
    public async Task A_keys_file_that_cannot_be_read_stops_the_start_in_one_line()
    {
        using var folder = new TempFolder();
        var (exitCode, output) = await ServiceProcess.RunToExitAsync(folder.Combine("data"), folder.Combine("logs"),
            "--Auth:ApiKeysFile", folder.Combine("no-such-keys.txt"));
        Assert.NotEqual(0, exitCode);
        Assert.Contains("Auth:ApiKeysFile", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task An_empty_key_stops_the_start_instead_of_turning_keys_off()
    {
        using var folder = new TempFolder();
        var (exitCode, output) = await ServiceProcess.RunToExitAsync(folder.Combine("data"), folder.Combine("logs"), "--Auth:ApiKeys:alice", "");
        Assert.NotEqual(0, exitCode);
        Assert.Contains("'alice' is empty", output);
    }

    [Fact]
    public async Task Binding_every_interface_with_AllowAnonymousRemote_starts()
    {
        using var folder = new TempFolder();
        using var service = await ServiceProcess.StartOnAllInterfacesAsync(folder.Combine("data"), folder.Combine("logs"), "--Auth:AllowAnonymousRemote", "true");
        Assert.False(service.HasExited);
    }

    [Fact]
    public async Task Binding_every_interface_with_keys_starts_and_asks_for_a_key()
    {
        using var folder = new TempFolder();
        using var service = await ServiceProcess.StartOnAllInterfacesAsync(folder.Combine("data"), folder.Combine("logs"), "--Auth:ApiKeys:alice", "alice-key");
        using var client = service.Client();
        using var response = await client.GetAsync("/api/jobs");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
