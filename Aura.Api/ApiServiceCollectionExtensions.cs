using Aura.Api.Contracts;
using Aura.Api.Controllers;
using Aura.Api.Health;
using Aura.Api.Infrastructure;
using Aura.Api.Sse;
using Aura.Core.Kernel;
using Aura.Core.Media;
using Aura.Core.Jobs;
using Aura.Core.Pipeline;
using Aura.Core.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Aura.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>MVC with the wire's JSON and problem+json rules, the event streams, and where files go.</summary>
    public static IServiceCollection AddAuraApi(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddControllers()
            .AddJsonOptions(o => WireJson.Configure(o.JsonSerializerOptions));
        services.Configure<ApiBehaviorOptions>(o => o.InvalidModelStateResponseFactory = context =>
            Problems.Validation(context.HttpContext, context.ModelState
                .Where(e => e.Value?.Errors.Count > 0)
                .ToDictionary(e => FieldName(e.Key), e => e.Value!.Errors.Select(x => ErrorText(x)).ToArray())));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c => Problems.Stamp(c.HttpContext, c.ProblemDetails));
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<DiskFullExceptionHandler>();
        services.AddExceptionHandler<StoreUnavailableExceptionHandler>();

        services.AddValidatedOptions<ApiOptions>(configuration, ApiOptions.Section);
        services.AddValidatedOptions<SseOptions>(configuration, SseOptions.Section);
        services.AddValidatedOptions<HealthOptions>(configuration, HealthOptions.Section);
        services.AddSingleton<SseMetrics>();
        services.AddSingleton<SharedJobReads>();
        services.AddSingleton<EncodedBatches>();
        services.AddSingleton<SharedJobListings>();
        services.AddSingleton<StreamPolls>();
        services.AddHostedService(provider => provider.GetRequiredService<StreamPolls>());
        services.AddSingleton<KeepAliveWheel>();
        services.AddHostedService(provider => provider.GetRequiredService<KeepAliveWheel>());
        services.AddSingleton<SseWaiting>();
        services.AddSingleton<JobEventStream>();
        services.AddSingleton<AllJobsStream>();
        services.AddSingleton<EventStreams>();
        services.AddSingleton<CreateJobAction>();
        services.AddSingleton<Security.JobAccess>();

        // One data folder (Storage:DataFolder) holds the database and the jobs' files. Relative folders are
        // taken from the content root, so the service finds its files wherever it is started from.
        services.Replace(ServiceDescriptor.Singleton(sp => new JobFiles(
            Path.GetFullPath(sp.GetRequiredService<IOptions<StorageOptions>>().Value.DataFolder, environment.ContentRootPath),
            LogsFolder(configuration, environment))));
        return services;
    }

    /// <summary>The logs folder before the container exists (Serilog's file sink is configured first).</summary>
    public static string LogsFolder(IConfiguration configuration, IHostEnvironment environment) =>
        Path.GetFullPath(configuration[$"{JobRunnerOptions.Section}:{nameof(JobRunnerOptions.LogsFolder)}"] ?? new JobRunnerOptions().LogsFolder,
            environment.ContentRootPath);

    // Model-binding keys look like "$.renderSpec.fps" or "body"; clients know fields as "renderSpec.fps".
    private static string FieldName(string key) => key.StartsWith("$.", StringComparison.Ordinal) ? key[2..] : key is "$" or "" ? "body" : key;

    private static string ErrorText(ModelError error) =>
        string.IsNullOrEmpty(error.ErrorMessage) ? "The value is not valid JSON of the expected type." : error.ErrorMessage;
}
