using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using CreditGrid.Core.Grid;
using CreditGrid.Silo.Storage;
using Microsoft.AspNetCore.SignalR.Client;
using Orleans.Runtime;
using Orleans.Streams;

namespace CreditGrid.Api.Tests;

/// <summary>
/// Issue 11, item 16: a memory stream queue holds at most 16,384 messages. With its consumers stalled (the silo's pulling
/// agents stopped, as when the consuming side cannot keep up) it fills; the announcements it refuses are dropped and
/// counted — never a failed Apply or a 500 after the state was written — and the dashboard is told to resync. Since a
/// silo announces one message per round and kind (issue 16, <see cref="CreditGrid.Silo.Grains.ChangeAnnouncer"/>), a
/// burst of 20,000 changes is a few thousand messages: the stalled queue is first filled to the brim by other
/// (empty) messages, as a longer stall would fill it. A SignalR connection that never reads is connected throughout.
/// The statistics come from the projection.
/// </summary>
public sealed class AnnouncementFloodTests(GridHost grid) : IClassFixture<GridHost>
{
    private const int Batches = 20;
    private const int PerBatch = 1000;

    [Fact]
    public async Task A_burst_of_20000_changes_into_the_full_queue_of_stalled_consumers_applies_every_event_answers_no_500_and_resyncs_the_dashboard()
    {
        using var deaf = await ConnectWithoutReading();
        // A dashboard that reads: it must be told to resync.
        var received = new ConcurrentQueue<string>();
        await using var dashboard = new HubConnectionBuilder().WithUrl(new Uri(grid.BaseAddress, $"/hubs/grid?access_token={GridHost.Operator}")).Build();
        dashboard.On<JsonElement>("resync", _ => received.Enqueue("resync"));
        dashboard.On<JsonElement>("gradesChanged", _ => received.Enqueue("gradesChanged"));
        await dashboard.StartAsync();
        var droppedBefore = AnnouncementGaps.Count;
        // Nothing consumes the grid's streams any more: their queues fill up to Orleans' 16,384 messages.
        var management = grid.Service<IGrainFactory>().GetGrain<IManagementGrain>(0);
        await management.SendControlCommandToProvider<Orleans.Providers.Streams.Common.PersistentStreamProvider>(GridStreams.Provider, (int)Orleans.Providers.Streams.Common.PersistentStreamProviderCommand.StopAgents);
        var stopped = true;
        // The stalled queue of the enterprise changes fills up until it refuses a message.
        var changes = grid.Service<IClusterClient>().GetStreamProvider(GridStreams.Provider)
            .GetStream<EvaluationChanges>(StreamId.Create(GridStreams.Changes, "enterprise"));
        var refused = false;
        for (var i = 0; i < 40_000 && !refused; i++)
        {
            try { await changes.OnNextAsync(new EvaluationChanges([])); }
            catch (Exception) { refused = true; }
        }
        Assert.True(refused, "the stalled stream queue never refused a message");

        try
        {
            var reporter = grid.Client(GridHost.Reporter);
            var statuses = new ConcurrentBag<int>();
            var registrations = Task.Run(async () =>
            {
                // Writes that announce, while the burst runs: each must succeed, none may turn into a 500.
                for (var i = 0; i < 40; i++)
                {
                    statuses.Add((int)(await grid.Register("enterprise", GridHost.NewEnterpriseId(), new { name = "洪峰企业" + i })).StatusCode);
                    await Task.Delay(500);
                }
            });
            for (var b = 0; b < Batches; b++)
            {
                var events = Enumerable.Range(0, PerBatch).Select(k => new
                {
                    eventId = $"flood-{b}-{k}-{Guid.NewGuid():N}", subjectKind = "enterprise", subjectId = GridHost.NewEnterpriseId(),
                    indicator = "E-PEN-NOTICE", occurredAt = "2026-11-02",
                }).ToList();
                var response = await reporter.PostAsync("/api/v1/events:batch", Calls.Json(new { events }));
                Assert.Equal(HttpStatusCode.MultiStatus, response.StatusCode);
            }
            await registrations;
            Assert.All(statuses, s => Assert.True(s is 200 or 201, $"registration answered {s}"));

            // Every event becomes applied (read from the intake log's states).
            var database = grid.Service<Database>();
            long applied = 0;
            for (var i = 0; i < 1200 && applied < Batches * PerBatch; i++)
            {
                applied = await Scalar(database, "SELECT COUNT(*) FROM intake_events WHERE event_id LIKE 'flood-%' AND state = 'applied'");
                if (applied < Batches * PerBatch) await Task.Delay(250);
            }
            Assert.Equal(Batches * PerBatch, applied);
            Assert.True(AnnouncementGaps.Count > droppedBefore, "the stalled consumers never filled the stream queue: the test proved nothing");
            await management.SendControlCommandToProvider<Orleans.Providers.Streams.Common.PersistentStreamProvider>(GridStreams.Provider, (int)Orleans.Providers.Streams.Common.PersistentStreamProviderCommand.StartAgents);
            stopped = false;

            for (var i = 0; i < 100 && !received.Contains("resync"); i++) await Task.Delay(100);
            Assert.Contains("resync", received);
            // The statistics do not depend on the stream: every flooded subject is counted at A- (one −10 notice),
            // within the 2 s the contract gives every derived view.
            JsonElement stats = default;
            for (var i = 0; i < 30; i++)
            {
                stats = await (await grid.Client(GridHost.Operator).GetAsync("/api/v1/stats/grades")).Body();
                if (stats.GetProperty("enterprise").GetProperty("A-").GetInt32() >= Batches * PerBatch) break;
                await Task.Delay(100);
            }
            Assert.True(stats.GetProperty("enterprise").GetProperty("A-").GetInt32() >= Batches * PerBatch, stats.ToString());
        }
        finally
        {
            if (stopped) await management.SendControlCommandToProvider<Orleans.Providers.Streams.Common.PersistentStreamProvider>(GridStreams.Provider, (int)Orleans.Providers.Streams.Common.PersistentStreamProviderCommand.StartAgents);
        }
    }

    private static async Task<long> Scalar(Database database, string sql)
    {
        await using var connection = await database.Open();
        await using var command = Database.Command(connection, sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>Negotiates and completes the SignalR handshake over a raw WebSocket, then never reads again.</summary>
    private async Task<ClientWebSocket> ConnectWithoutReading()
    {
        var negotiate = await grid.Client().PostAsync($"/hubs/grid/negotiate?negotiateVersion=1&access_token={GridHost.Operator}", null);
        var token = (await negotiate.Body()).GetProperty("connectionToken").GetString();
        var socket = new ClientWebSocket();
        socket.Options.SetBuffer(1024, 1024);
        var ws = new UriBuilder(grid.BaseAddress) { Scheme = "ws", Path = "/hubs/grid", Query = $"id={token}&access_token={GridHost.Operator}" }.Uri;
        await socket.ConnectAsync(ws, CancellationToken.None);
        await socket.SendAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e"), WebSocketMessageType.Text, true, CancellationToken.None);
        return socket;
    }
}
