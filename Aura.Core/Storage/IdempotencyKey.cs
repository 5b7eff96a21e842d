namespace Aura.Core.Storage;

/// <summary>
/// An <c>Idempotency-Key</c> of <c>POST /api/jobs</c>, tied to the job its first request made.
/// Intended call order, so that a job exists only for the request that won its key:
/// <list type="number">
/// <item>make the job id first (<c>Guid.NewGuid()</c>) and hash the request body;</item>
/// <item><see cref="IJobStore.ClaimIdempotencyKeyAsync"/> with that id and <c>expiresAt = now + lifetime</c>;</item>
/// <item>when <see cref="IdempotencyClaim.Won"/>: create the job under that id; if creating fails,
/// <see cref="IJobStore.ReleaseIdempotencyKeyAsync"/> so a retry can try again;</item>
/// <item>when lost and <see cref="IdempotencyClaim.IsSameRequest"/>: answer with the stored job
/// <see cref="IdempotencyClaim.Entry"/>'s <c>JobId</c> (it may not be saved yet while the winner is
/// still creating it: answer 409 and let the client retry);</item>
/// <item>when lost with another request hash: the key is being reused for a different body (422).</item>
/// </list>
/// Keys are global: a caller-scoped key should be prefixed with the caller's identity.
/// </summary>
/// <param name="Key">The header's value (with any caller prefix).</param>
/// <param name="RequestHash">A hash of the request body, to tell a true retry from a reused key.</param>
/// <param name="JobId">The job this key's request makes.</param>
/// <param name="ExpiresAt">From this moment on the entry counts as absent.</param>
public sealed record IdempotencyKey(string Key, string RequestHash, string JobId, DateTimeOffset ExpiresAt)
{
    public bool IsExpiredAt(DateTimeOffset now) => ExpiresAt <= now;
}
