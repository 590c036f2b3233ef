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
/// One bridge per silo: subscribes to the grid's changes and boards streams (the Orleans cluster is the backplane) and
/// broadcasts to this silo's SignalR connections, flushing 10 ms after a change arrives. Grains publish only after their state is
/// written, so every message follows a durable change. A board that changes several times in one flush is sent once.
/// </summary>
public sealed class GridBridge(IClusterClient cluster, IHubContext<GridHub> hub, IHostApplicationLifetime lifetime, ILogger<GridBridge> logger) : BackgroundService
{
    /// <summary>How long the bridge waits after the first queued message for others to join it in one flush.</summary>
    private static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(10);
    private readonly Channel<(string Method, string? Key, object Payload)> _outbox = Channel.CreateUnbounded<(string, string?, object)>();
    private readonly List<StreamSubscriptionHandle<EvaluationChange>> _changeHandles = [];
    private StreamSubscriptionHandle<StreetBoard>? _boardHandle;
    private StreamSubscriptionHandle<IncidentChange>? _incidentHandle;

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
    }

    private async Task Subscribe(CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var provider = cluster.GetStreamProvider(GridStreams.Provider);
                foreach (var kind in new[] { SubjectKind.Enterprise, SubjectKind.Person, SubjectKind.Official, SubjectKind.Merchant })
                    _changeHandles.Add(await provider.GetStream<EvaluationChange>(StreamId.Create(GridStreams.Changes, kind.ToWire())).SubscribeAsync(OnChange));
                _boardHandle = await provider.GetStream<StreetBoard>(StreamId.Create(GridStreams.Boards, GridStreams.AllBoards)).SubscribeAsync(OnBoard);
                _incidentHandle = await provider.GetStream<IncidentChange>(StreamId.Create(GridStreams.Emergencies, GridStreams.AllBoards)).SubscribeAsync(OnIncident);
                return;
            }
            catch (Exception ex) when (attempt < 60 && !ct.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Waiting for the grid before subscribing the dashboard bridge");
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }
        }
    }

    private Task OnChange(EvaluationChange change, StreamSequenceToken? token)
    {
        if (change.Kind == SubjectKind.Merchant && change.Color != change.PreviousColor)
            Enqueue(HubMethods.MerchantStatusChanged, HubMessages.Merchant(change));
        if (change.Kind != SubjectKind.Merchant || change.Score != change.PreviousScore)
            Enqueue(HubMethods.ScoreChanged, HubMessages.Score(change));
        return Task.CompletedTask;
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

    private async Task Flush(CancellationToken ct)
    {
        var batch = new List<(string Method, string? Key, object Payload)>();
        while (_outbox.Reader.TryRead(out var item)) batch.Add(item);
        if (batch.Count == 0) return;
        var last = batch.Select((m, i) => (m.Key, i)).Where(x => x.Key is not null).GroupBy(x => x.Key).ToDictionary(g => g.Key!, g => g.Max(x => x.i));
        for (var i = 0; i < batch.Count; i++)
        {
            var (method, key, payload) = batch[i];
            if (key is not null && last[key] != i) continue; // a later board of the same street follows
            await hub.Clients.All.SendAsync(method, payload, ct);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var h in _changeHandles) await h.UnsubscribeAsync();
            if (_boardHandle is not null) await _boardHandle.UnsubscribeAsync();
            if (_incidentHandle is not null) await _incidentHandle.UnsubscribeAsync();
        }
        catch (Exception ex)
        {
            // The silo may already be leaving the cluster: its subscriptions go with it.
            logger.LogDebug(ex, "Dashboard bridge could not unsubscribe while stopping");
        }
        await base.StopAsync(cancellationToken);
    }
}
