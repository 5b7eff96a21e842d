namespace Aura.Api.Contracts;

/// <summary>The data of the all-jobs stream's <c>job-deleted</c> event.</summary>
public sealed record JobDeletedEvent(string JobId, DateTimeOffset Timestamp);
