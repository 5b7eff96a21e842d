using Aura.Core.Kernel;
using System.Diagnostics.Metrics;
using Aura.Core.Jobs;
using Aura.Core.Storage;

namespace Aura.Api.Metrics;

/// <summary>
/// Gauges read when metrics are collected: jobs in each status (from the store) and the queue's
/// length (jobs waiting for a worker). The store is asked at most once a second, however often scraped.
/// </summary>
public sealed class JobGauges
{
    public const string MeterName = JobInstruments.MeterName;
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(1);

    private readonly IJobStore _store;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private IReadOnlyDictionary<JobStatus, int> _counts = new Dictionary<JobStatus, int>();
    private long _readAt;

    public JobGauges(IMeterFactory meters, IJobStore store, TimeProvider time)
    {
        _store = store;
        _time = time;
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("by_status", ByStatus, description: "Jobs in each status.");
        meter.CreateObservableGauge("queue.length", () => Counts().GetValueOrDefault(JobStatus.Queued),
            description: "Jobs waiting for a worker.");
    }

    private IEnumerable<Measurement<int>> ByStatus()
    {
        var counts = Counts();
        return Enum.GetValues<JobStatus>().Select(s => new Measurement<int>(counts.GetValueOrDefault(s),
            new KeyValuePair<string, object?>("status", s.ToString())));
    }

    private IReadOnlyDictionary<JobStatus, int> Counts()
    {
        lock (_gate)
        {
            if (_readAt == 0 || _time.GetElapsedTime(_readAt) >= Freshness)
            {
                try
                {
                    // Instruments are read synchronously; the store's count is one short query.
                    _counts = _store.CountByStatusAsync(CancellationToken.None).GetAwaiter().GetResult();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Keep the last figures: /health says what is wrong with the store.
                }
                _readAt = _time.GetTimestamp();
            }
            return _counts;
        }
    }
}
