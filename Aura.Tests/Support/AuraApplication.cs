using Aura.Api.Sse;
using Aura.Core.Pipeline;
using Aura.Core.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Aura.Tests.Support;

/// <summary>
/// The real service on a real Kestrel port of its own, with its own temp folder; the seams a test
/// may swap are the orchestrator, the store, the clock and any setting.
/// </summary>
public sealed class AuraApplication : WebApplicationFactory<Program>
{
    private readonly TempFolder _folder = new();

    // Not UseKestrel(0): that overload rewrites the server's addresses after the host is built, racing
    // Kestrel's own bind (dotnet/aspnetcore#67714). Listening on port 0 directly has no such race.
    public AuraApplication() => UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));

    /// <summary>The orchestrator jobs run on; null runs the real pipeline (FFmpeg, espeak-ng).</summary>
    public IVideoOrchestrator? Orchestrator { get; init; } = new FakeOrchestrator();

    /// <summary>The store jobs are kept in; null keeps the service's own (SQLite in the temp folder).</summary>
    public IJobStore? Store { get; init; } = new InMemoryJobStore();

    /// <summary>The service exactly as shipped: the real store and the real pipeline.</summary>
    public static AuraApplication AsShipped() => new() { Orchestrator = null, Store = null };

    public TimeProvider? Time { get; init; }

    public Dictionary<string, string> Settings { get; } = [];

    public string DataFolder => _folder.Combine("data");

    public string LogsFolder => _folder.Combine("logs");

    public SseMetrics Streams => Services.GetRequiredService<SseMetrics>();

    /// <summary>Where a browser finds the UI, e.g. http://127.0.0.1:41234/ (starts the server).</summary>
    public Uri RootUri
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
        }
    }

    /// <summary>A client of the running server (started on first use).</summary>
    public HttpClient Client()
    {
        StartServer();
        var client = CreateClient();
        client.Timeout = TimeSpan.FromSeconds(100);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:DataFolder", DataFolder);
        builder.UseSetting("Jobs:LogsFolder", LogsFolder);
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            if (Store is not null)
                services.AddSingleton(Store);
            if (Orchestrator is not null)
                services.AddSingleton(Orchestrator);
            if (Time is not null)
                services.AddSingleton(Time);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
            _folder.Dispose();
    }
}
