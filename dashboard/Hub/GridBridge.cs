using System.Threading.Channels;
using CreditGrid.Core;
using CreditGrid.Core.Emergency;
using CreditGrid.Core.Grid;
using CreditGrid.Core.Street;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Streams;

namespace CreditGrid.Dashboard.Hub;

/// <summary>
/// One bridge per silo: subscribes to the grid's changes (a batch per silo round and kind) and boards streams (the Orleans cluster is the backplane) and
/// broadcasts to this silo's SignalR connections, flushing 10 ms after a change arrives. Grains publish only after their state is
/// written, so every message follows a durable change. A board that changes several times in one flush is sent once.
/// <para>
/// The live feed may lose messages, the truth may not (issue 11, item 16): the outbox is bounded, a send that a stalled
/// connection holds up is given up after a few seconds, and announcements the grid had to drop are counted cluster-wide
/// (<see cref="IAnnouncementLedgerGrain"/>). Whenever messages were lost the bridge pushes <c>resync</c> (the page
/// re-fetches boards, stats and queues) and the grade counts again; <c>gradesChanged</c> is re-counted from the
/// durable projection at most once a second when grades moved.
/// </para>
/// </summary>
public sealed class GridBridge : BackgroundService
{
    /// <summary>How long the bridge waits after the first queued message for others to join it in one flush.</summary>
    private static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(10);
    /// <summary>Messages waiting for SignalR; beyond this the newest are dropped and the screens resync.</summary>
    public const int OutboxLimit = 20_000;
    /// <summary>A send held up longer than this by a connection that does not read is given up (that flush resyncs).</summary>
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Watch = TimeSpan.FromSeconds(1);

    private readonly Channel<(string Method, string? Key, object Payload)> _outbox;
    private readonly List<StreamSubscriptionHandle<EvaluationChanges>> _changeHandles = [];
    private StreamSubscriptionHandle<StreetBoard>? _boardHandle;
    private StreamSubscriptionHandle<IncidentChange>? _incidentHandle;
    private StreamSubscriptionHandle<ChangesLogged>? _logHandle;
    private int _resync;
    private int _gradesMoved = 1;
    /// <summary>Grades are re-counted for this long after they last moved: a count may have been taken just before the commit.</summary>
    private static readonly TimeSpan GradesSettle = TimeSpan.FromSeconds(2);
    private DateTimeOffset _gradesMovedAt = DateTimeOffset.MinValue;
    private long _reportedDrops;
    private long? _seenEpoch;
    private GradeDistribution? _lastGrades;

    private readonly IClusterClient cluster;
    private readonly IHubContext<GridHub> hub;
    private readonly IHostApplicationLifetime lifetime;
    private readonly ILogger<GridBridge> logger;

    public GridBridge(IClusterClient cluster, IHubContext<GridHub> hub, IHostApplicationLifetime lifetime, ILogger<GridBridge> logger)
    {
        (this.cluster, this.hub, this.lifetime, this.logger) = (cluster, hub, lifetime, logger);
        _outbox = Channel.CreateBounded<(string, string?, object)>(
            new BoundedChannelOptions(OutboxLimit) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true },
            _ => Interlocked.Exchange(ref _resync, 1));
    }

    /// <summary>Messages dropped by this bridge or announcements dropped by the grid were followed by a resync this many times.</summary>
    public long Resyncs { get; private set; }

    /// <summary>Anything else the silo wants pushed (emergency incidents), through the same batching.</summary>
    public void Enqueue(string method, object payload, string? coalesceKey = null) => _outbox.Writer.TryWrite((method, coalesceKey, payload));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The silo (and its stream providers) is up once the host has started.
        var started = new TaskCompletionSource();
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        await using (stoppingToken.Register(() => started.TrySetCanceled()))
            await started.Task;
        await Subscribe(stoppingToken);
        var watcher = WatchLoop(stoppingToken);
        while (await _outbox.Reader.WaitToReadAsync(stoppingToken))
        {
            try
            {
                await Task.Delay(Coalesce, stoppingToken);
                await Flush(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Dashboard push failed");
            }
        }
        await watcher;
    }

    private async Task Subscribe(CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var provider = cluster.GetStreamProvider(GridStreams.Provider);
                foreach (var kind in new[] { SubjectKind.Enterprise, SubjectKind.Person, SubjectKind.Official, SubjectKind.Merchant })
                    _changeHandles.Add(await provider.GetStream<EvaluationChanges>(StreamId.Create(GridStreams.Changes, kind.ToWire())).SubscribeAsync(OnChanges));
                _boardHandle = await provider.GetStream<StreetBoard>(StreamId.Create(GridStreams.Boards, GridStreams.AllBoards)).SubscribeAsync(OnBoard);
                _incidentHandle = await provider.GetStream<IncidentChange>(StreamId.Create(GridStreams.Emergencies, GridStreams.AllBoards)).SubscribeAsync(OnIncident);
                _logHandle = await provider.GetStream<ChangesLogged>(StreamId.Create(GridStreams.ChangeLog, GridStreams.AllBoards)).SubscribeAsync(OnLogged);
                return;
            }
            catch (Exception ex) when (attempt < 60 && !ct.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Waiting for the grid before subscribing the dashboard bridge");
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }
        }
    }

    /// <summary>A silo's round of changes of one kind (one message per round and kind), in the order they were stored.</summary>
    private Task OnChanges(EvaluationChanges changes, StreamSequenceToken? token)
    {
        foreach (var change in changes.Changes) OnChange(change);
        return Task.CompletedTask;
    }

    private void OnChange(EvaluationChange change)
    {
        if (change.Kind == SubjectKind.Merchant && change.Color != change.PreviousColor)
            Enqueue(HubMethods.MerchantStatusChanged, HubMessages.Merchant(change));
        if (change.Kind != SubjectKind.Merchant || change.Score != change.PreviousScore)
            Enqueue(HubMethods.ScoreChanged, HubMessages.Score(change));
        if (change.PreviousScore is null || change.Grade != change.PreviousGrade || change.Stars != change.PreviousStars)
            Interlocked.Exchange(ref _gradesMoved, 1);
    }

    private Task OnBoard(StreetBoard board, StreamSequenceToken? token)
    {
        Enqueue(HubMethods.BoardChanged, board, "board:" + board.Street);
        return Task.CompletedTask;
    }

    /// <summary>emergencyChanged: the incident object of GET /api/v1/emergencies/{id} plus "change".</summary>
    private Task OnIncident(IncidentChange change, StreamSequenceToken? token)
    {
        Enqueue(HubMethods.EmergencyChanged, HubMessages.Emergency(change));
        return Task.CompletedTask;
    }

    /// <summary>changeLogged: one entry of GET /api/v1/changes each; the grains announce lines only once their write committed.</summary>
    private Task OnLogged(ChangesLogged logged, StreamSequenceToken? token)
    {
        foreach (var entry in logged.Entries) Enqueue(HubMethods.ChangeLogged, ChangeLine.Of(entry));
        return Task.CompletedTask;
    }

    private async Task Flush(CancellationToken ct)
    {
        var batch = new List<(string Method, string? Key, object Payload)>();
        while (_outbox.Reader.TryRead(out var item)) batch.Add(item);
        if (batch.Count == 0) return;
        var last = batch.Select((m, i) => (m.Key, i)).Where(x => x.Key is not null).GroupBy(x => x.Key).ToDictionary(g => g.Key!, g => g.Max(x => x.i));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(SendTimeout);
        try
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var (method, key, payload) = batch[i];
                if (key is not null && last[key] != i) continue; // a later board of the same street follows
                await hub.Clients.All.SendAsync(method, payload, timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // A connection that does not read holds every send up: give this flush up, the screens resync.
            logger.LogWarning("Dashboard push held up for more than {Seconds} s by a connection that does not read; screens will resync", SendTimeout.TotalSeconds);
            Interlocked.Exchange(ref _resync, 1);
        }
    }

    /// <summary>Once a second: report this silo's dropped announcements, resync when the cluster dropped any, push moved grades.</summary>
    private async Task WatchLoop(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(Watch);
        while (await WaitTick(timer, ct))
        {
            try
            {
                await WatchOnce(ct);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                logger.LogWarning("Dashboard bridge watch failed: {Error}", ex.Message);
            }
        }
    }

    private static async Task<bool> WaitTick(PeriodicTimer timer, CancellationToken ct)
    {
        try { return await timer.WaitForNextTickAsync(ct); }
        catch (OperationCanceledException) { return false; }
    }

    private async Task WatchOnce(CancellationToken ct)
    {
        var ledger = cluster.GetGrain<IAnnouncementLedgerGrain>(0);
        var dropped = AnnouncementGaps.Count;
        if (dropped > _reportedDrops)
        {
            await ledger.Report(dropped - _reportedDrops);
            _reportedDrops = dropped;
        }
        var epoch = await ledger.Epoch();
        if (_seenEpoch is { } seen && epoch != seen) Interlocked.Exchange(ref _resync, 1);
        _seenEpoch = epoch;

        var resync = Interlocked.Exchange(ref _resync, 0) == 1;
        if (resync)
        {
            Resyncs++;
            logger.LogWarning("Live dashboard messages were dropped (grid announcements dropped so far: {Epoch}); screens told to resync", epoch);
            await Send(HubMethods.Resync, new { reason = "messages-dropped", at = DateTimeOffset.UtcNow }, ct);
        }
        var now = DateTimeOffset.UtcNow;
        if (Interlocked.Exchange(ref _gradesMoved, 0) == 1) _gradesMovedAt = now;
        if (now - _gradesMovedAt < GradesSettle || resync)
        {
            var grades = await cluster.GetGrain<IStatsGrain>(0).Grades();
            if (resync || _lastGrades is null || !grades.SameCounts(_lastGrades)) await Send(HubMethods.GradesChanged, grades, ct);
            _lastGrades = grades;
        }
    }

    /// <summary>Straight to the hub (not through the outbox, which may be what overflowed), with the same time limit.</summary>
    private async Task Send(string method, object payload, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(SendTimeout);
        try { await hub.Clients.All.SendAsync(method, payload, timeout.Token); }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested) { Interlocked.Exchange(ref _resync, 1); }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var h in _changeHandles) await h.UnsubscribeAsync();
            if (_boardHandle is not null) await _boardHandle.UnsubscribeAsync();
            if (_incidentHandle is not null) await _incidentHandle.UnsubscribeAsync();
            if (_logHandle is not null) await _logHandle.UnsubscribeAsync();
        }
        catch (Exception ex)
        {
            // The silo may already be leaving the cluster: its subscriptions go with it.
            logger.LogDebug(ex, "Dashboard bridge could not unsubscribe while stopping");
        }
        await base.StopAsync(cancellationToken);
    }
}
