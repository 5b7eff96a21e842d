using Aura.Core.Orchestration;
using Aura.Core.Storage;
using Aura.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Aura.Tests.Ui;

/// <summary>
/// The real Aura.Api program on a real Kestrel socket (a browser cannot reach the in-memory
/// TestServer), on a free loopback port, with data and logs in a temp folder of its own.
/// <para>
/// A test may swap the orchestrator (to hold a job in a stage, say). Until the store's area has
/// registered its own, an in-memory store fills the gap: TryAdd leaves the app's choice alone.
/// </para>
/// </summary>
public sealed class UiServer : WebApplicationFactory<Program>
{
    private readonly TempFolder _folder = new();
    private readonly IVideoOrchestrator? _orchestrator;

    public UiServer(IVideoOrchestrator? orchestrator = null)
    {
        _orchestrator = orchestrator;
        UseKestrel(0);
    }

    /// <summary>Where the UI is served, e.g. http://127.0.0.1:41234/.</summary>
    public Uri RootUri
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Jobs:DataFolder"] = _folder["data"],
            ["Jobs:LogsFolder"] = _folder["logs"],
        }));
        builder.ConfigureTestServices(services =>
        {
            services.TryAddSingleton<IJobStore, InMemoryJobStore>();
            if (_orchestrator is not null)
            {
                services.RemoveAll<IVideoOrchestrator>();
                services.AddSingleton(_orchestrator);
            }
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _folder.Dispose();
    }
}
