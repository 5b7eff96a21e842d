using Aura.Core.Kernel;

namespace Aura.Core.Pipeline.Checkpoints;

/// <summary>
/// What a finished stage left behind: the files later stages rely on and the artifacts it announced.
/// Paths are relative to the work folder.
/// </summary>
public sealed record StageCheckpoint(
    JobStage Stage,
    int Attempt,
    DateTimeOffset CompletedAt,
    IReadOnlyList<string> Files,
    IReadOnlyList<CheckpointArtifact> Artifacts);
