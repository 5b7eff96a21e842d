namespace Aura.Core.Kernel;

/// <summary>
/// A file a job wrote. <see cref="Path"/> is absolute; clients fetch it by <see cref="Name"/>.
/// <see cref="DurationSeconds"/> is set for media whose length the job knows (the video).
/// </summary>
public sealed record JobArtifact(string Name, string Type, long SizeBytes, string Path, JobStage Stage, double? DurationSeconds = null);
