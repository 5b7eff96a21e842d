using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Core.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Aura.Core.Pipeline.Orchestration;

namespace Aura.Tests.Orchestration;

/// <summary>
/// The real pipeline as the service wires it (<c>AddAuraPipeline</c>, real FFmpeg, real espeak-ng),
/// in a temp folder of its own, with seams a test may swap before the first run.
/// </summary>
internal sealed class PipelineHarness : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly ServiceCollection _services = new();
    private ServiceProvider? _provider;

    public PipelineHarness(IDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["FFmpeg:Path"] = "/usr/bin/ffmpeg",
                ["FFmpeg:ProbePath"] = "/usr/bin/ffprobe",
                ["FFmpeg:KillGracePeriod"] = "00:00:01",
            })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        _services.AddLogging();
        _services.AddAuraPipeline(configuration);
    }

    public string Folder => _temp.Path;

    /// <summary>Replaces a seam (before the first <see cref="Get{T}"/>).</summary>
    public PipelineHarness With<T>(T instance) where T : class
    {
        _services.RemoveAll<T>();
        _services.AddSingleton(instance);
        return this;
    }

    /// <summary>Wraps the registered <typeparamref name="T"/> (before the first <see cref="Get{T}"/>); get the wrapper as <typeparamref name="TWrapper"/>.</summary>
    public PipelineHarness Decorate<T, TWrapper>(Func<T, TWrapper> wrap) where T : class where TWrapper : class, T
    {
        var original = _services.Last(d => d.ServiceType == typeof(T));
        var implementation = original.ImplementationType
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not registered by type");
        _services.Remove(original);
        _services.AddSingleton(implementation);
        _services.AddSingleton(sp => wrap((T)sp.GetRequiredService(implementation)));
        _services.AddSingleton<T>(sp => sp.GetRequiredService<TWrapper>());
        return this;
    }

    public T Get<T>() where T : notnull => (_provider ??= _services.BuildServiceProvider()).GetRequiredService<T>();

    public IVideoOrchestrator Orchestrator => Get<IVideoOrchestrator>();

    /// <summary>A small, fast job: a 5 s script (two scenes), 320x180 at 10 fps.</summary>
    public JobContext Job(string topic = "Why the sky is blue", int attempt = 1, string correlationId = "corr-e2e-1") => new(
        "job-" + correlationId,
        correlationId,
        new JobRequest(new Brief(topic), new PlanSpec(TimeSpan.FromSeconds(5)), new VoiceSpec(),
            new RenderSpec(new Resolution(320, 180), Fps: 10, VideoBitrateK: 300, AudioBitrateK: 64)),
        Directory.CreateDirectory(Path.Combine(Folder, "work")).FullName,
        Path.Combine(Folder, "logs", "ffmpeg", "job.log"),
        attempt);

    public void Dispose()
    {
        _provider?.Dispose();
        _temp.Dispose();
    }
}
