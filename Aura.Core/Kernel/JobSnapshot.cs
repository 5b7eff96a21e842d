using System.Collections.Immutable;

namespace Aura.Core.Kernel;

/// <summary>
/// The whole state of a job at one version. Immutable: every change makes a new snapshot with the
/// next number of the global sequence, so a snapshot can be kept, compared and stored as history.
/// Only <see cref="JobStateMachine"/> makes one from another.
/// </summary>
public sealed record JobSnapshot
{
    public required string JobId { get; init; }
    public required string CorrelationId { get; init; }
    public required JobRequest Request { get; init; }

    /// <summary>The principal that created the job; null for jobs stored before jobs had owners (they belong to the local principal).</summary>
    public string? Owner { get; init; }
    public JobStatus Status { get; init; } = JobStatus.Queued;
    public JobStage Stage { get; init; } = JobStage.Queued;
    public int Percent { get; init; }
    public string Message { get; init; } = "Queued";
    public int? EtaSeconds { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>When this version was made: the timestamp of the events it produces.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>How many times a worker has started this job (a resume after a restart is a new attempt).</summary>
    public int Attempt { get; init; }

    /// <summary>The number of this job's latest change in the global sequence.</summary>
    public long Version { get; init; }

    public ImmutableList<JobArtifact> Artifacts { get; init; } = [];
    public ImmutableList<JobWarning> Warnings { get; init; } = [];
    public JobFailure? Failure { get; init; }

    public string Phase => JobPhases.PhaseOf(Stage);
    public bool IsTerminal => Status.IsTerminal();

    public JobArtifact? FindArtifact(string name) =>
        Artifacts.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.Ordinal));
}
