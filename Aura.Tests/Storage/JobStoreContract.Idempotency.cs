using Aura.Core.Storage;
using static Aura.Tests.Storage.StoredJobs;

namespace Aura.Tests.Storage;

// Idempotency keys: one winner per live key, expiry, release and cleanup.
public abstract partial class JobStoreContract
{
    private static IdempotencyKey Key(string key, string jobId, DateTimeOffset expiresAt, string hash = "hash-1") =>
        new(key, hash, jobId, expiresAt);

    [Fact]
    public async Task The_first_claim_of_a_key_wins_and_a_later_one_is_told_the_job_of_the_first()
    {
        var first = await Store.ClaimIdempotencyKeyAsync(Key("k", "job-1", T0.AddHours(1)), T0, None);
        var retry = await Store.ClaimIdempotencyKeyAsync(Key("k", "job-2", T0.AddHours(2), "hash-2"), T0.AddMinutes(1), None);

        Assert.True(first.Won);
        Assert.False(retry.Won);
        Assert.Equal(Key("k", "job-1", T0.AddHours(1)), retry.Entry);
        Assert.True(retry.IsSameRequest("hash-1"));
        Assert.False(retry.IsSameRequest("hash-2"));
    }

    [Fact]
    public async Task Of_concurrent_claims_of_one_key_exactly_one_wins_and_all_see_the_winner()
    {
        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => Store.ClaimIdempotencyKeyAsync(Key("k", $"job-{i}", T0.AddHours(1)), T0, None))));

        var winner = Assert.Single(claims, c => c.Won);
        Assert.All(claims, c => Assert.Equal(winner.Entry.JobId, c.Entry.JobId));
    }

    [Fact]
    public async Task An_expired_key_counts_as_absent_and_is_claimed_anew()
    {
        await Store.ClaimIdempotencyKeyAsync(Key("k", "job-1", T0.AddHours(1)), T0, None);

        var atExpiry = await Store.ClaimIdempotencyKeyAsync(Key("k", "job-2", T0.AddHours(3)), T0.AddHours(1), None);
        var later = await Store.ClaimIdempotencyKeyAsync(Key("k", "job-3", T0.AddHours(4)), T0.AddHours(2), None);

        Assert.True(atExpiry.Won);
        Assert.False(later.Won);
        Assert.Equal("job-2", later.Entry.JobId);
    }

    [Fact]
    public async Task Removing_expired_keys_removes_those_and_only_those()
    {
        await Store.ClaimIdempotencyKeyAsync(Key("gone-1", "job-1", T0.AddMinutes(1)), T0, None);
        await Store.ClaimIdempotencyKeyAsync(Key("gone-2", "job-2", T0.AddMinutes(2)), T0, None);
        await Store.ClaimIdempotencyKeyAsync(Key("live", "job-3", T0.AddMinutes(3)), T0, None);

        var removed = await Store.RemoveExpiredIdempotencyKeysAsync(T0.AddMinutes(2), None);

        Assert.Equal(2, removed);
        Assert.False((await Store.ClaimIdempotencyKeyAsync(Key("live", "job-4", T0.AddHours(1)), T0, None)).Won);
        Assert.True((await Store.ClaimIdempotencyKeyAsync(Key("gone-1", "job-5", T0.AddHours(1)), T0, None)).Won);
        Assert.Equal(0, await Store.RemoveExpiredIdempotencyKeysAsync(T0.AddMinutes(2), None));
    }

    [Fact]
    public async Task A_claim_is_released_only_by_the_job_that_holds_it_and_can_then_be_claimed_again()
    {
        await Store.ClaimIdempotencyKeyAsync(Key("k", "job-1", T0.AddHours(1)), T0, None);

        var byAnother = await Store.ReleaseIdempotencyKeyAsync("k", "job-2", None);
        var byHolder = await Store.ReleaseIdempotencyKeyAsync("k", "job-1", None);
        var again = await Store.ClaimIdempotencyKeyAsync(Key("k", "job-3", T0.AddHours(1)), T0, None);

        Assert.False(byAnother);
        Assert.True(byHolder);
        Assert.True(again.Won);
    }
}
