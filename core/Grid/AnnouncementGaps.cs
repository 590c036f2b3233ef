using Orleans.Concurrency;

namespace CreditGrid.Core.Grid;

/// <summary>
/// Change announcements this silo could not hand to its stream (a memory stream queue holds at most 16,384 events;
/// a stalled consumer fills it). An announcement never fails the change it announces, which is already stored
/// (issue 11, item 16): it is dropped and counted here, and the dashboard bridges tell their screens to re-fetch.
/// The durable projections, not the streams, are the source of the statistics.
/// </summary>
public static class AnnouncementGaps
{
    private static long _dropped;

    private static readonly System.Diagnostics.Metrics.Counter<long> Metric = GridMetrics.Meter.CreateCounter<long>(
        "creditgrid.announcements.dropped", "{message}", "Change announcements dropped because their stream refused them");

    /// <summary>Announcements dropped by this silo since it started.</summary>
    public static long Count => Interlocked.Read(ref _dropped);

    public static void Dropped(string stream, int count = 1)
    {
        Interlocked.Add(ref _dropped, count);
        Metric.Add(count, new KeyValuePair<string, object?>("stream", stream));
    }
}

/// <summary>One per cluster: silos report their drops, bridges watch the epoch and resync their screens when it moves.</summary>
public interface IAnnouncementLedgerGrain : IGrainWithIntegerKey
{
    Task Report(long dropped);
    [ReadOnly] Task<long> Epoch();
}
