using Aura.Api.Sse;
using Aura.Core.Orchestration;
using Aura.Core.Storage;
using Microsoft.AspNetCore.Hosting;
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

    public AuraApplication() => UseKestrel(0);

    /// <summary>The orchestrator jobs run on; null runs the real pipeline (FFmpeg, espeak-ng).</summary>
    public IVideoOrchestrator? Orchestrator { get; init; } = new FakeOrchestrator();

    public IJobStore Store { get; init; } = new InMemoryJobStore();

    public TimeProvider? Time { get; init; }

    public Dictionary<string, string> Settings { get; } = [];

    public string DataFolder => _folder["data"];

    public string LogsFolder => _folder["logs"];

    public SseMetrics Streams => Services.GetRequiredService<SseMetrics>();

    /// <summary>A client of the running server (started on first use).</summary>
    public HttpClient Client()
    {
        StartServer();
        var client = CreateClient();
        client.Timeout = TimeSpan.FromSeconds(30);
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
