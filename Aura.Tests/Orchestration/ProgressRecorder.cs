using System.Collections.Concurrent;
using Aura.Core.Jobs;
using Aura.Core.Orchestration;

namespace Aura.Tests.Orchestration;

/// <summary>An <see cref="IJobProgress"/> that keeps everything a run said, in order.</summary>
internal sealed class ProgressRecorder : IJobProgress
{
    private readonly ConcurrentQueue<Said> _said = new();
    private readonly TaskCompletionSource<JobStage> _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly JobStage? _signalOn;

    /// <param name="signalOnProgressIn">Completes <see cref="ProgressSeenIn"/> at the first progress inside this stage.</param>
    public ProgressRecorder(JobStage? signalOnProgressIn = null) => _signalOn = signalOnProgressIn;

    public IReadOnlyList<Said> All => _said.ToList();

    public IReadOnlyList<JobStage> StagesEntered => All.OfType<Said.Entered>().Select(e => e.Stage).ToList();

    public IReadOnlyList<JobArtifact> Artifacts => All.OfType<Said.Artifact>().Select(a => a.Value).ToList();

    public IReadOnlyList<string> Warnings => All.OfType<Said.Warning>().Select(w => w.Message).ToList();

    public IReadOnlyList<Said.Progress> ProgressOf(JobStage stage) => All.OfType<Said.Progress>().Where(p => p.Stage == stage).ToList();

    /// <summary>Completes when the stage given at construction first reports progress.</summary>
    public Task ProgressSeenIn => _reached.Task;

    private JobStage _current = JobStage.Queued;

    public Task EnterStageAsync(JobStage stage, string message)
    {
        _current = stage;
        _said.Enqueue(new Said.Entered(stage, message));
        return Task.CompletedTask;
    }

    public Task ReportAsync(double stagePercent, string message, int? etaSeconds = null)
    {
        _said.Enqueue(new Said.Progress(_current, stagePercent, message, etaSeconds));
        if (_current == _signalOn && stagePercent > 0)
            _reached.TrySetResult(_current);
        return Task.CompletedTask;
    }

    public Task WarnAsync(string message)
    {
        _said.Enqueue(new Said.Warning(_current, message));
        return Task.CompletedTask;
    }

    public Task ArtifactWrittenAsync(JobArtifact artifact)
    {
        _said.Enqueue(new Said.Artifact(artifact));
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
