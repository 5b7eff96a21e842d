using Aura.Core.Kernel;

namespace Aura.Api.Contracts;

/// <summary>
/// An artifact on the wire, in one shape wherever it appears (a job's <c>artifacts</c> over REST and in
/// <c>job-completed</c>, and <c>artifact-written</c>): where to fetch it (<see cref="Url"/>) and where it
/// lies (<see cref="Path"/>, a bare file name for callers who may not see server paths).
/// </summary>
public sealed record ArtifactResponse(string Name, string Type, long SizeBytes, string Url, string Path)
{
    public static ArtifactResponse Of(string jobId, JobArtifact artifact) =>
        new(artifact.Name, artifact.Type, artifact.SizeBytes, JobUrls.Artifact(jobId, artifact.Name), artifact.Path);
}
