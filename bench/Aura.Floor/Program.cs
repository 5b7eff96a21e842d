using System.Text;
using Aura.Floor;

// Aura.Floor: the bench's bare SSE endpoint. Same routes' shapes as the service:
//   GET  /api/jobs/{id}/events   a per-job stream        GET /api/jobs/events   the all-jobs stream
//   POST /api/jobs/{id}/change   a change: one event to every stream of that job and to every all-jobs stream
//   GET  /health                 {"streams":{"open":N}}
// Settings: --urls, --Sse:KeepAliveInterval (the service's key and default), --Sse:RetryMilliseconds.
var builder = WebApplication.CreateBuilder(args);
// The service logs nothing per request (Serilog, Microsoft.* at Warning); neither does the floor.
builder.Logging.ClearProviders();
var keepAlive = builder.Configuration.GetValue("Sse:KeepAliveInterval", TimeSpan.FromSeconds(10));
var retry = builder.Configuration.GetValue("Sse:RetryMilliseconds", 3000);
var app = builder.Build();
var signal = new FloorSignal();
var retryBytes = Encoding.UTF8.GetBytes($"retry: {retry}\n\n");

byte[] Initial(string jobId) => [.. retryBytes, .. FloorEvents.Initial(jobId)];

app.MapGet("/health", () => Results.Json(new { status = "Healthy", streams = new { open = Volatile.Read(ref FloorStream.Open) } }));
app.MapGet("/api/jobs/events", (HttpContext context) =>
    FloorStream.RunAsync(context, signal, FloorSignal.AnyJob, Initial("all"), keepAlive));
app.MapGet("/api/jobs/{id}/events", (HttpContext context, string id) =>
    FloorStream.RunAsync(context, signal, id, Initial(id), keepAlive));
app.MapPost("/api/jobs/{id}/change", (string id, double? percent) =>
{
    var (perJob, allJobs) = FloorEvents.Change(id, percent ?? 50);
    signal.Raise(id, perJob);
    signal.Raise(FloorSignal.AnyJob, allJobs);
    return Results.Accepted();
});
app.Run();
