using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using CreditGrid.Silo.Grains;
using Microsoft.AspNetCore.SignalR.Client;

namespace CreditGrid.Api.Tests;

/// <summary>
/// Issue 16, architecture "Speed in the production shape": change announcements leave a silo in batches, one message
/// per round and kind, not one per change; every change still reaches the live dashboard, in order per subject.
/// </summary>
public sealed class AnnouncementBatchTests(GridHost grid) : IClassFixture<GridHost>
{
    private const int Events = 1000;

    [Fact]
    public async Task A_thousand_changes_reach_the_dashboard_each_in_far_fewer_stream_messages_than_changes()
    {
        var scores = new ConcurrentDictionary<string, int>();
        var logged = new ConcurrentDictionary<string, int>();
        await using var dashboard = new HubConnectionBuilder().WithUrl(new Uri(grid.BaseAddress, $"/hubs/grid?access_token={GridHost.Operator}")).Build();
        dashboard.On<JsonElement>("scoreChanged", p =>
        {
            if (p.TryGetProperty("eventId", out var e) && e.GetString() is { } id && id.StartsWith("batch-", StringComparison.Ordinal))
                scores.AddOrUpdate(id, p.GetProperty("score").GetInt32(), (_, s) => s);
        });
        dashboard.On<JsonElement>("changeLogged", p =>
        {
            if (p.GetProperty("eventId").ValueKind == JsonValueKind.String && p.GetProperty("eventId").GetString()!.StartsWith("batch-", StringComparison.Ordinal))
                logged.AddOrUpdate(p.GetProperty("eventId").GetString()! + "/" + p.GetProperty("change").GetString(), 1, (_, n) => n + 1);
        });
        await dashboard.StartAsync();
        var announcer = grid.Service<ChangeAnnouncer>();
        var messagesBefore = announcer.Messages;

        var events = Enumerable.Range(0, Events).Select(k => new
        {
            eventId = $"batch-{k}-{Guid.NewGuid():N}", subjectKind = "enterprise", subjectId = GridHost.NewEnterpriseId(),
            indicator = "E-PEN-NOTICE", occurredAt = "2026-11-02",
        }).ToList();
        var response = await grid.Client(GridHost.Reporter).PostAsync("/api/v1/events:batch", Calls.Json(new { events }));
        Assert.Equal(HttpStatusCode.MultiStatus, response.StatusCode);

        for (var i = 0; i < 600 && (scores.Count < Events || logged.Count(l => l.Key.EndsWith("/score", StringComparison.Ordinal)) < Events); i++) await Task.Delay(100);
        // Every change arrived once, with the score of a first −10 notice (domain-rules §3: 1000 − 10).
        Assert.Equal(Events, scores.Count);
        Assert.All(scores.Values, s => Assert.Equal(990, s));
        var scoreLines = logged.Where(l => l.Key.EndsWith("/score", StringComparison.Ordinal)).ToList();
        Assert.Equal(Events, scoreLines.Count);
        Assert.All(scoreLines, l => Assert.Equal(1, l.Value));
        // Each change is announced twice (its evaluation change and its change log lines); the silo sent them in rounds.
        var messages = announcer.Messages - messagesBefore;
        Assert.True(messages > 0 && messages <= Events, $"{messages} stream messages for {2 * Events} announcements");
    }
}
