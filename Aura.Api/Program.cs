using Aura.Api.Health;
using Aura.Api;
using Aura.Api.Infrastructure;
using Aura.Api.Limits;
using Aura.Api.Metrics;
using Aura.Api.OpenApi;
using Aura.Api.Security;
using Aura.Core.Jobs;
using Aura.Core.Jobs.Redis;
using Aura.Core.Kernel;
using Aura.Core.Pipeline;
using Aura.Core.Storage;
using Aura.Core.Storage.Redis;
using Microsoft.Extensions.Options;
using Serilog;
using Aura.Core.Pipeline.Orchestration;

var builder = WebApplication.CreateBuilder(args);

builder.Host.UseAuraSerilog(builder.Configuration, builder.Environment);
builder.Services
    .AddAuraStorage(builder.Configuration)
    .AddAuraRedisStorage(builder.Configuration)
    .AddAuraJobs(builder.Configuration)
    .AddAuraRedisJobs()
    .AddAuraPipeline(builder.Configuration)
    .AddAuraApi(builder.Configuration, builder.Environment)
    .AddAuraSecurity(builder.Configuration)
    .AddAuraRateLimits(builder.Configuration)
    .AddAuraHealthChecks()
    .AddAuraMetrics()
    .AddAuraOpenApi();

var app = builder.Build();
if (!app.TryCheckBinding() || !app.TryOpenStore())
    return 1;

app.UseCorrelationIds();
app.UseMiddleware<SecurityHeaders>();
app.UseAuraRequestLogging();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuraRequestGuards();
// A worker-only node (Api:Enabled=false) serves no UI and no API, only its health and metrics.
var serveApi = app.Services.GetRequiredService<IOptions<ApiOptions>>().Value.Enabled;
if (serveApi)
{
    app.UseDefaultFiles();
    app.UseStaticFiles();
}
app.UseAuraAuth();
if (serveApi)
{
    app.MapControllers().RequireAuthorization(AuthPolicies.ApiUser);
    app.MapAuraOpenApi();
}
app.MapAuraHealthChecks();
app.MapAuraMetrics();

app.Run();
return 0;

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
