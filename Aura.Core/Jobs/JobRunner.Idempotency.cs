using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Aura.Core.Storage;
using Aura.Core.Kernel;

namespace Aura.Core.Jobs;

/// <summary>The answer to a create with an idempotency key.</summary>
public abstract record CreateOutcome
{
    private CreateOutcome() { }

    public sealed record Created(JobSnapshot Job) : CreateOutcome;

    /// <summary>The key's first request made this job; this is a retry of it.</summary>
    public sealed record Replayed(JobSnapshot Job) : CreateOutcome;

    /// <summary>The key was used before for a different request.</summary>
    public sealed record KeyReused(string JobId) : CreateOutcome;

    /// <summary>The key's first request is still creating its job (or that job was deleted).</summary>
    public sealed record InProgress(string JobId) : CreateOutcome;
}

// Creating a job at most once per Idempotency-Key: the key is claimed in the store (atomically,
// so concurrent duplicates cannot both win) before the job exists.
public sealed partial class JobRunner
{
    // Claims whose job could not be made and that could not be given up either (a full disk refuses the
    // release as well): the next request with that key and body makes the job, instead of hearing
    // "in progress" until the key expires. Known to this process only.
    private readonly ConcurrentDictionary<string, string> _unreleasedClaims = new(StringComparer.Ordinal);

    /// <summary>
    /// Creates the job for <paramref name="key"/> once. The same key with the same request answers
    /// with the job the first request made; with another request it is refused.
    /// </summary>
    public Task<CreateOutcome> CreateOnceAsync(string key, JobRequest request, string correlationId, CancellationToken cancellationToken) =>
        CreateOnceAsync(key, request, correlationId, null, cancellationToken);

    /// <summary>
    /// As <see cref="CreateOnceAsync(string, JobRequest, string, CancellationToken)"/>, for <paramref name="owner"/>: keys are
    /// per owner, so one principal's key never answers with another's job.
    /// </summary>
    public async Task<CreateOutcome> CreateOnceAsync(string key, JobRequest request, string correlationId, string? owner,
        CancellationToken cancellationToken)
    {
        // Keys are visible ASCII without spaces, so "owner key" cannot collide with another owner's key.
        // The local principal's keys stay bare, as they were stored before keys had owners.
        key = owner is null or JobQuery.DefaultOwner ? key : $"{owner} {key}";
        var hash = RequestHash(request);
        var jobId = NewJobId();
        var now = time.GetUtcNow();
        var claim = await store.ClaimIdempotencyKeyAsync(new IdempotencyKey(key, hash, jobId, now + _options.IdempotencyKeyLifetime), now, cancellationToken);
        if (claim.Won)
        {
            try
            {
                return new CreateOutcome.Created(await CreateAndStartJobAsync(jobId, request, correlationId, owner, cancellationToken));
            }
            catch
            {
                // Nothing was made for this key: let a retry claim it again.
                await ReleaseClaimAsync(key, jobId);
                throw;
            }
        }
        if (!claim.IsSameRequest(hash))
            return new CreateOutcome.KeyReused(claim.Entry.JobId);
        if (await store.GetAsync(claim.Entry.JobId, cancellationToken) is { } existing)
            return new CreateOutcome.Replayed(existing);
        if (!_unreleasedClaims.TryRemove(new KeyValuePair<string, string>(key, claim.Entry.JobId)))
            return new CreateOutcome.InProgress(claim.Entry.JobId);
        try
        {
            return new CreateOutcome.Created(await CreateAndStartJobAsync(claim.Entry.JobId, request, correlationId, owner, cancellationToken));
        }
        catch
        {
            await ReleaseClaimAsync(key, claim.Entry.JobId);
            throw;
        }
    }

    private async Task ReleaseClaimAsync(string key, string jobId)
    {
        try
        {
            await store.ReleaseIdempotencyKeyAsync(key, jobId, CancellationToken.None);
        }
        catch (StoreFullException)
        {
            _unreleasedClaims[key] = jobId;
        }
    }

    /// <summary>Requests are compared by what they ask for once defaults are applied, not by their bytes.</summary>
    private static string RequestHash(JobRequest request) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, StoreJson.Options)));
}
