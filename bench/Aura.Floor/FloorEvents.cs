using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Aura.Floor;

/// <summary>
/// The bytes the floor sends, shaped like the service's: an initial event carrying a job snapshot of
/// about the service's size (~0.9 KB), and per change a <c>step-progress</c> event (per-job streams) or a
/// <c>job-update</c> event (all-jobs stream) whose JSON carries the server's <c>timestamp</c>, which
/// the bench subtracts from its receipt time.
/// </summary>
public static class FloorEvents
{
    private static readonly string Padding = new('x', 800);
    private static long _version;

    public static byte[] Initial(string jobId) => Encode("job-status", Snapshot(jobId, "Running", DateTimeOffset.UtcNow), Interlocked.Increment(ref _version));

    public static (byte[] PerJob, byte[] AllJobs) Change(string jobId, double percent)
    {
        var now = DateTimeOffset.UtcNow;
        var version = Interlocked.Increment(ref _version);
        var progress = JsonSerializer.Serialize(new
        {
            jobId,
            stage = "Voice",
            percent,
            stagePercent = percent,
            message = "Spoke a scene",
            etaSeconds = (int?)null,
            timestamp = Format(now),
        });
        return (Encode("step-progress", progress, version), Encode("job-update", Snapshot(jobId, "Running", now), version));
    }

    private static string Snapshot(string jobId, string status, DateTimeOffset now) => JsonSerializer.Serialize(new
    {
        jobId,
        status,
        stage = "Voice",
        percent = 40.0,
        createdAt = Format(now),
        updatedAt = Format(now),
        timestamp = Format(now),
        padding = Padding,
    });

    private static byte[] Encode(string name, string json, long id) =>
        Encoding.UTF8.GetBytes($"event: {name}\ndata: {json}\nid: {id.ToString(CultureInfo.InvariantCulture)}\n\n");

    private static string Format(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
