using System.Net;
using System.Net.Http.Headers;
using Aura.Core.Kernel;
using Aura.Core.Storage;

namespace Aura.Tests.Api;

/// <summary>
/// The store goes away after a create's Idempotency-Key was claimed, before its job is saved (a window
/// too narrow to hit with a real Redis): the retry with the same key makes the job once it is back.
/// </summary>
public sealed class StoreUnavailableIdempotencyTests
{
    [Fact]
    public async Task A_key_whose_job_could_not_be_saved_nor_released_while_the_store_was_unreachable_makes_the_job_on_retry()
    {
        var store = new UnreachableAfterClaimStore(new InMemoryJobStore());
        using var app = new AuraApplication { Store = store };
        var client = app.Client();

        store.Unreachable = true;
        using var first = await client.SendAsync(Keyed("retry-me"));
        store.Unreachable = false;
        using var retry = await client.SendAsync(Keyed("retry-me"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Equal(ErrorCodes.StoreUnavailable, (await ApiCalls.BodyOf(first)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
    }

    private static HttpRequestMessage Keyed(string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/jobs") { Content = ApiCalls.Json("""{ "brief": { "topic": "Tides" } }""") };
        request.Headers.Add("Idempotency-Key", key);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    /// <summary>Claims still work; saving and releasing fail as a store that has just become unreachable fails them.</summary>
    private sealed class UnreachableAfterClaimStore(IJobStore inner) : DelegatingJobStore(inner)
    {
        public volatile bool Unreachable;

        public override Task<JobSnapshot> SaveAsync(JobSnapshot job, long expectedVersion, CancellationToken cancellationToken) =>
            Unreachable ? Task.FromException<JobSnapshot>(Gone()) : Inner.SaveAsync(job, expectedVersion, cancellationToken);

        public override Task<bool> ReleaseIdempotencyKeyAsync(string key, string jobId, CancellationToken cancellationToken) =>
            Unreachable ? Task.FromException<bool>(Gone()) : Inner.ReleaseIdempotencyKeyAsync(key, jobId, cancellationToken);

        private static StoreUnavailableException Gone() => new("Redis cannot be reached: nothing was read or written.");
    }
}
