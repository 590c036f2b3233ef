using System.Threading.Channels;
using CreditGrid.Core;
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

/// <summary>
/// The silo's one producer of evaluation changes and change log lines (architecture "Speed in the production shape":
/// announcements leave a silo in batches, one message per round and kind). A grain hands its stored change over
/// without waiting; one loop off the grain scheduler collects what arrived for <see cref="Window"/> (or while the
/// previous round's messages were on their way) and sends one <see cref="EvaluationChanges"/> per kind and one
/// <see cref="ChangesLogged"/> per round. Per stream the rounds go one after the other, so a subject's changes keep
/// their order. Before, every save awaited its own OnNextAsync — a call to the single queue grain of its stream — and
/// every activation built its own stream directory (~1.3 KiB per resident subject, docs/benchmarks.md).
/// A full backlog or a refused message drops the announcements and counts them; it never fails a save.
/// </summary>
public sealed class ChangeAnnouncer(IServiceProvider services)
{
    /// <summary>How long the loop waits after the first item for others to join its round.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(2);
    /// <summary>Items waiting for their round; beyond this they are dropped and counted (the dashboards resync).</summary>
    public const int BacklogLimit = 50_000;
    /// <summary>At most this many items in one stream message.</summary>
    public const int MaxBatch = 2_000;

    private readonly Channel<object> _pending = Channel.CreateBounded<object>(
        new BoundedChannelOptions(BacklogLimit) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true },
        dropped => AnnouncementGaps.Dropped(dropped is EvaluationChange ? GridStreams.Changes : GridStreams.ChangeLog));
    private readonly object _start = new();
    private Task? _loop;
    private IStreamProvider? _provider;

    /// <summary>Messages sent (one per round and stream) since the silo started; for tests and benchmarks.</summary>
    public long Messages => Interlocked.Read(ref _messages);
    private long _messages;

    /// <summary>A stored evaluation change, for the changes stream of its kind.</summary>
    public void Change(EvaluationChange change) => Enqueue(change);

    /// <summary>Change log lines that committed with a grain write, for changeLogged.</summary>
    public void Logged(IReadOnlyList<ChangeEntry> entries)
    {
        if (entries.Count > 0) Enqueue(entries);
    }

    private void Enqueue(object item)
    {
        if (_loop is null)
            lock (_start)
                if (_loop is null)
                    using (ExecutionContext.SuppressFlow()) _loop = Task.Run(Run); // not the first caller's request context or trace
        _pending.Writer.TryWrite(item);
    }

    private async Task Run()
    {
        var reader = _pending.Reader;
        while (await reader.WaitToReadAsync())
        {
            await Task.Delay(Window);
            var changes = new Dictionary<SubjectKind, List<EvaluationChange>>();
            var logged = new List<ChangeEntry>();
            var count = 0;
            while (count < MaxBatch && reader.TryRead(out var item))
            {
                count++;
                if (item is EvaluationChange c)
                {
                    if (!changes.TryGetValue(c.Kind, out var list)) changes[c.Kind] = list = [];
                    list.Add(c);
                }
                else logged.AddRange((IReadOnlyList<ChangeEntry>)item);
            }
            var sends = new List<Task>(changes.Count + 1);
            foreach (var (kind, batch) in changes)
                sends.Add(Send(StreamId.Create(GridStreams.Changes, kind.ToWire()), new EvaluationChanges(batch), batch.Count));
            if (logged.Count > 0) sends.Add(Send(StreamId.Create(GridStreams.ChangeLog, GridStreams.AllBoards), new ChangesLogged(logged), logged.Count));
            await Task.WhenAll(sends);
        }
    }

    /// <summary>One message; refused (full queue, silo stopping), its announcements are counted as dropped.</summary>
    private async Task Send<T>(StreamId id, T message, int items)
    {
        try
        {
            _provider ??= services.GetRequiredService<IClusterClient>().GetStreamProvider(GridStreams.Provider);
            await _provider.GetStream<T>(id).OnNextAsync(message);
            Interlocked.Increment(ref _messages);
        }
        catch (Exception)
        {
            AnnouncementGaps.Dropped(id.GetNamespace() ?? "", items);
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
