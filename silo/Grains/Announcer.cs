using CreditGrid.Core.Grid;
using Orleans.Streams;

namespace CreditGrid.Silo.Grains;

/// <summary>
/// Publishes a change that is already stored. Nothing after a state write may turn the stored change into a failure
/// (issue 11, items 1 and 16): a stream that refuses the message (full queue, a silo going away) costs the live feed
/// one message, counted in <see cref="AnnouncementGaps"/> so the dashboards resync, never the caller's success.
/// </summary>
public static class Announcer
{
    public static async Task Announce<T>(this IAsyncStream<T> stream, T item)
    {
        try
        {
            await stream.OnNextAsync(item);
        }
        catch (Exception)
        {
            AnnouncementGaps.Dropped(stream.StreamId.GetNamespace() ?? "");
        }
    }
}

/// <summary>Counts the cluster's dropped announcements; in memory (a restart moves the epoch, which only means one more resync).</summary>
public sealed class AnnouncementLedgerGrain : Grain, IAnnouncementLedgerGrain
{
    private long _epoch;

    public Task Report(long dropped)
    {
        _epoch += dropped;
        return Task.CompletedTask;
    }

    public Task<long> Epoch() => Task.FromResult(_epoch);
}
