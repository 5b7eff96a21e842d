using Aura.Core.Kernel;
using System.Globalization;
using System.Threading.RateLimiting;
using Aura.Api.Security;
using Aura.Api.Sse;
using Aura.Core.Jobs;
using Aura.Core.Storage;
using Aura.Core.Storage.Redis;
using StackExchange.Redis;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Aura.Api.Limits;

/// <summary>
/// ASP.NET Core's rate limiter: open event streams per principal (<c>Sse:MaxStreamsPerPrincipal</c>)
/// and in all (<c>Sse:MaxStreams</c>), two concurrency limiters chained; and job creation per principal
/// (the <see cref="JobCreationPolicy"/> token bucket). Refusals are the contract's 429 problem+json
/// with <c>Retry-After</c>.
/// </summary>
public static class RateLimits
{
    public const string JobCreationPolicy = "job-creation";

    // A stream holds its place until the client leaves, which no clock foretells: a short, fixed hint.
    private const int StreamRetryAfterSeconds = 5;

    public static IServiceCollection AddAuraRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<LimitsOptions>(configuration, LimitsOptions.Section);
        services.AddRateLimiter(_ => { });
        services.AddSingleton(s => new SharedStreamCount(s.GetRequiredService<IConnectionMultiplexer>(),
            new RedisKeys(s.GetRequiredService<IOptions<RedisOptions>>().Value.KeyPrefix)));
        services.AddHostedService<SharedStreamRenewal>();
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<SseOptions>, IOptions<LimitsOptions>, IOptions<StorageOptions>, IServiceProvider>(
            (o, sse, limits, storage, provider) =>
        {
            var perNode = new[]
            {
                StreamLimiter(context => Principals.NameOf(context.User), sse.Value.MaxStreamsPerPrincipal),
                StreamLimiter(_ => "all", sse.Value.MaxStreams),
            };
            // On Redis the same limits hold across every node, counted there (a node's own count can only be lower).
            o.GlobalLimiter = storage.Value.Provider == StorageProvider.Redis
                ? PartitionedRateLimiter.CreateChained([.. perNode, .. SharedStreamLimiters(provider.GetRequiredService<SharedStreamCount>(), sse.Value)])
                : PartitionedRateLimiter.CreateChained(perNode);
            o.AddPolicy(JobCreationPolicy, context => RateLimitPartition.GetTokenBucketLimiter(Principals.NameOf(context.User),
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = limits.Value.JobCreationBurst,
                    TokensPerPeriod = 1,
                    ReplenishmentPeriod = limits.Value.JobCreationRefill,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
            o.OnRejected = OnRejectedAsync;
        });
        return services;
    }

    /// <summary>A concurrency limit on the event-stream routes only; every other request passes untouched.</summary>
    private static PartitionedRateLimiter<HttpContext> StreamLimiter(Func<HttpContext, string> partition, int limit) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context => IsStream(context)
            ? RateLimitPartition.GetConcurrencyLimiter(partition(context), _ => new ConcurrencyLimiterOptions { PermitLimit = limit, QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter(""));

    private static PartitionedRateLimiter<HttpContext>[] SharedStreamLimiters(SharedStreamCount count, SseOptions sse) =>
    [
        SharedStreamLimiter(count, context => "principal:" + Principals.NameOf(context.User), sse.MaxStreamsPerPrincipal),
        SharedStreamLimiter(count, _ => "all", sse.MaxStreams),
    ];

    private static PartitionedRateLimiter<HttpContext> SharedStreamLimiter(SharedStreamCount count, Func<HttpContext, string> partition, int limit) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context => IsStream(context)
            ? RateLimitPartition.Get(partition(context), key => new SharedConcurrencyLimiter(count, count.KeyOf(key), limit))
            : RateLimitPartition.GetNoLimiter(""));

    private static bool IsStream(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<EventStreamRouteAttribute>() is not null;

    private static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var stream = IsStream(context);
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
            ? (int)Math.Ceiling(wait.TotalSeconds)
            : StreamRetryAfterSeconds;
        context.Response.Headers.RetryAfter = Math.Max(1, retryAfter).ToString(CultureInfo.InvariantCulture);
        if (stream)
        {
            context.RequestServices.GetRequiredService<SseMetrics>().CountRefused();
            await ProblemWriter.WriteAsync(context, StatusCodes.Status429TooManyRequests, ErrorCodes.TooManyStreams,
                "Too many event streams are open (for your key, or for the service).",
                "Close streams you no longer read, or follow every job over one GET /api/jobs/events.", cancellationToken);
        }
        else
        {
            await ProblemWriter.WriteAsync(context, StatusCodes.Status429TooManyRequests, ErrorCodes.TooManyRequests,
                "Too many jobs were created in a short time with this key.",
                "Wait for the time in Retry-After, then send the request again.", cancellationToken);
        }
    }
}
