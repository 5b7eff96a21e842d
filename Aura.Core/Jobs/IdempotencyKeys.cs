using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Aura.Core.Kernel;
using Aura.Core.Storage;

namespace Aura.Core.Jobs;

/// <summary>
/// The rules of <c>Idempotency-Key</c>s for <see cref="JobCommands.CreateOnceAsync(string, JobRequest, string, string?, CancellationToken)"/>:
/// whose key it is, what counts as the same request, and giving a claim up when its job could not be made.
/// </summary>
internal sealed class IdempotencyKeys(IJobStore store)
{
    // Claims whose job could not be made and that could not be given up either (a full disk refuses the
    // release as well, and so does a store that cannot be reached): the next request with that key and body makes the job, instead of hearing
    // "in progress" until the key expires. Known to this process only.
    private readonly ConcurrentDictionary<string, string> _unreleasedClaims = new(StringComparer.Ordinal);

    /// <summary>The key as stored: per owner, so one principal's key never answers with another's job.</summary>
    public static string Scoped(string key, string? owner) =>
        // Keys are visible ASCII without spaces, so "owner key" cannot collide with another owner's key.
        // The local principal's keys stay bare, as they were stored before keys had owners.
        owner is null or JobQuery.DefaultOwner ? key : $"{owner} {key}";

    /// <summary>Requests are compared by what they ask for once defaults are applied, not by their bytes.</summary>
    public static string RequestHash(JobRequest request) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, StoreJson.Options)));

    /// <summary>Lets a retry claim the key again, since nothing was made for it.</summary>
    public async Task ReleaseAsync(string key, string jobId)
    {
        try
        {
            await store.ReleaseIdempotencyKeyAsync(key, jobId, CancellationToken.None);
        }
        catch (Exception error) when (error is StoreFullException or StoreUnavailableException)
        {
            _unreleasedClaims[key] = jobId;
        }
    }

    /// <summary>True once when the claim of <paramref name="key"/> for <paramref name="jobId"/> was left unreleased: the caller makes the job.</summary>
    public bool TakeUnreleased(string key, string jobId) =>
        _unreleasedClaims.TryRemove(new KeyValuePair<string, string>(key, jobId));
}
