using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Core.Pipeline;
using Aura.Core.Pipeline.Scripts;
using Aura.Core.Pipeline.Speech;
using Aura.Core.Pipeline.Visuals;

namespace Aura.Tests.Orchestration;

/// <summary>The real providers, counted: a resumed run must not call them again.</summary>
internal sealed class CountingScriptProvider(IScriptProvider inner) : IScriptProvider
{
    public int Calls;

    public Task<VideoScript> WriteAsync(JobRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Calls);
        return inner.WriteAsync(request, cancellationToken);
    }
}

internal sealed class CountingTtsProvider(ITtsProvider inner) : ITtsProvider
{
    public int Speeches;

    public Task<TtsAvailability> CheckAsync(CancellationToken cancellationToken) => inner.CheckAsync(cancellationToken);

    public Task SpeakAsync(string text, VoiceSpec voice, string wavPath, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Speeches);
        return inner.SpeakAsync(text, voice, wavPath, cancellationToken);
    }
}

internal sealed class CountingVisualProvider(IVisualProvider inner) : IVisualProvider
{
    public int Drawings;

    public Task DrawAsync(ScriptScene scene, VideoScript script, RenderSpec spec, string pngPath, JobContext job, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Drawings);
        return inner.DrawAsync(scene, script, spec, pngPath, job, cancellationToken);
    }
}
