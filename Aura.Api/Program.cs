using Aura.Api;
using Aura.Api.Infrastructure;
using Aura.Core.Jobs;
using Aura.Core.Kernel;
using Aura.Core.Pipeline;
using Aura.Core.Storage;
using Serilog;
using Aura.Core.Pipeline.Orchestration;

var builder = WebApplication.CreateBuilder(args);

builder.Host.UseAuraSerilog(builder.Configuration, builder.Environment);
builder.Services
    .AddAuraStorage(builder.Configuration)
    .AddAuraJobs(builder.Configuration)
    .AddAuraPipeline(builder.Configuration)
    .AddAuraApi(builder.Configuration, builder.Environment);

var app = builder.Build();
if (!app.TryOpenStore())
    return 1;

app.UseCorrelationIds();
app.UseAuraRequestLogging();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseDefaultFiles();
app.UseStaticFiles();
app.MapControllers();

app.Run();
return 0;

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
