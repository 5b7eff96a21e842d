namespace Aura.Core.Pipeline.Checkpoints;

/// <summary>
/// An artifact as a checkpoint file keeps it: its file relative to the work folder (so a moved data
/// folder still resumes), restored into a <c>JobArtifact</c> by <see cref="CheckpointStore.Restore"/>.
/// </summary>
public sealed record CheckpointArtifact(string Name, string Type, string File);
