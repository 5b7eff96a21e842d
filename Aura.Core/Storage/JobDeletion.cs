namespace Aura.Core.Storage;

/// <summary>
/// A recorded deletion as clients see it: the job, the sequence number the deletion took (so a
/// stream resuming from before it learns of it, in order with the other changes) and when it happened.
/// </summary>
public sealed record JobDeletion(string JobId, long Version, DateTimeOffset DeletedAt);
