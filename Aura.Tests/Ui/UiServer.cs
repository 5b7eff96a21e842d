using Aura.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Aura.Tests.Ui;

/// <summary>
/// The service exactly as shipped (real store, real pipeline, real FFmpeg) on a real Kestrel
/// socket, with its data and logs in a temp folder of its own. Tests that swap seams use
/// <see cref="AuraApplication"/> instead; both are reached the same way, <see cref="RootUri"/>.
/// </summary>
public sealed class UiServer : WebApplicationFactory<Program>
{
    private readonly TempFolder _folder = new();

    public UiServer() => UseKestrel(0);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:DataFolder", _folder["data"]);
        builder.UseSetting("Jobs:LogsFolder", _folder["logs"]);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _folder.Dispose();
    }

    /// <summary>Where a browser finds the UI of a Kestrel-backed factory, e.g. http://127.0.0.1:41234/.</summary>
    public static Uri RootUri(WebApplicationFactory<Program> server)
    {
        server.StartServer();
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
    }
}
