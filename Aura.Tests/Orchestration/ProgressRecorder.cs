using System.Collections.Concurrent;
using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Core.Pipeline;

namespace Aura.Tests.Orchestration;

/// <summary>An <see cref="IJobProgress"/> that keeps everything a run said, in order.</summary>
internal sealed class ProgressRecorder : IJobProgress
{
    private readonly ConcurrentQueue<Said> _said = new();
    private readonly Action<Said>? _onSaid;
    private readonly CancellationToken _token;
    private JobStage _current = JobStage.Queued;

    /// <param name="onSaid">Sees each thing said as it is said (a test cancels from here at the moment it wants).</param>
    /// <param name="token">Like the runner's reporter, refuses to report once the run's token fired.</param>
    public ProgressRecorder(Action<Said>? onSaid = null, CancellationToken token = default)
    {
        _onSaid = onSaid;
        _token = token;
    }

    public IReadOnlyList<Said> All => _said.ToList();

    public IReadOnlyList<JobStage> StagesEntered => All.OfType<Said.Entered>().Select(e => e.Stage).ToList();

    public IReadOnlyList<JobArtifact> Artifacts => All.OfType<Said.Artifact>().Select(a => a.Value).ToList();

    public IReadOnlyList<string> Warnings => All.OfType<Said.Warning>().Select(w => w.Message).ToList();

    public IReadOnlyList<Said.Progress> ProgressOf(JobStage stage) => All.OfType<Said.Progress>().Where(p => p.Stage == stage).ToList();

    public Task EnterStageAsync(JobStage stage, string message)
    {
        _current = stage;
        return Say(new Said.Entered(stage, message));
    }

    public Task ReportAsync(double stagePercent, string message, int? etaSeconds = null)
    {
        return Say(new Said.Progress(_current, stagePercent, message, etaSeconds));
    }

    public Task WarnAsync(string message)
    {
        return Say(new Said.Warning(_current, message));
    }

    public Task ArtifactWrittenAsync(JobArtifact artifact)
    {
        return Say(new Said.Artifact(artifact));
    }

    private Task Say(Said said)
    {
        _token.ThrowIfCancellationRequested();
        _said.Enqueue(said);
        _onSaid?.Invoke(said);
        return Task.CompletedTask;
    }

    internal abstract record Said
    {
        public sealed record Entered(JobStage Stage, string Message) : Said;

        public sealed record Progress(JobStage Stage, double Percent, string Message, int? EtaSeconds) : Said;

        public sealed record Warning(JobStage Stage, string Message) : Said;

        public sealed record Artifact(JobArtifact Value) : Said;
    }
}
