using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace CreditGrid.Api.Tests;

/// <summary>http-api "Live dashboard": changeLogged, gradesChanged and boardChanged arrive after a change, pushed by the server.</summary>
public class HubChangeTests(GridHost grid) : IClassFixture<GridHost>
{
    private sealed class Feed : IAsyncDisposable
    {
        public readonly ConcurrentQueue<(string Method, JsonElement Payload)> Received = new();
        public HubConnection Connection { get; }

        public Feed(Uri baseAddress, string key)
        {
            Connection = new HubConnectionBuilder().WithUrl(new Uri(baseAddress, $"/hubs/grid?access_token={key}")).Build();
            foreach (var method in new[] { "changeLogged", "gradesChanged", "boardChanged" })
                Connection.On<JsonElement>(method, payload => Received.Enqueue((method, payload)));
        }

        public async Task<JsonElement> Next(string method, Func<JsonElement, bool> match)
        {
            for (var i = 0; i < 200; i++)
            {
                var hit = Received.FirstOrDefault(m => m.Method == method && match(m.Payload));
                if (hit.Method is not null) return hit.Payload;
                await Task.Delay(50);
            }
            throw new Xunit.Sdk.XunitException($"no matching {method}; received: " + string.Join(", ", Received.Select(r => r.Method + " " + r.Payload)));
        }

        public ValueTask DisposeAsync() => Connection.DisposeAsync();
    }

    [Fact]
    public async Task An_award_on_a_street_merchant_arrives_as_changeLogged_gradesChanged_and_boardChanged()
    {
        var id = GridHost.NewEnterpriseId();
        await grid.Register("merchant", id, new { name = "推送日志店", street = "水晶街" });
        await using var feed = new Feed(grid.BaseAddress, GridHost.Operator);
        await feed.Connection.StartAsync();
        var before = await (await grid.Client(GridHost.Operator).GetAsync("/api/v1/stats/grades")).Body();
        var eventId = GridHost.NewEventId();
        await grid.PushApplied(new { eventId, subjectKind = "merchant", subjectId = id, indicator = "E-AWARD-DISTRICT", occurredAt = "2026-11-01" });

        // changeLogged: the same entries GET /api/v1/changes lists.
        var score = await feed.Next("changeLogged", p => p.GetProperty("id").GetString() == id && p.GetProperty("change").GetString() == "score");
        Assert.Equal(["at", "kind", "id", "name", "change", "from", "to", "eventId", "department"], score.EnumerateObject().Select(p => p.Name));
        Assert.Equal(eventId, score.GetProperty("eventId").GetString());
        var color = await feed.Next("changeLogged", p => p.GetProperty("id").GetString() == id && p.GetProperty("change").GetString() == "color");
        Assert.Equal("red", color.GetProperty("to").GetString());
        var logged = (await ChangeLogTests.LinesOf(grid, id, 2)).Select(l => l.ToString()).ToList();
        Assert.Contains(score.ToString(), logged);
        Assert.Contains(color.ToString(), logged);

        // gradesChanged: the object of GET /api/v1/stats/grades, with the enterprise now counted one grade up.
        var grades = await feed.Next("gradesChanged", p => p.GetProperty("enterprise").GetProperty("A+").GetInt32() > before.GetProperty("enterprise").GetProperty("A+").GetInt32());
        var now = await (await grid.Client(GridHost.Operator).GetAsync("/api/v1/stats/grades")).Body();
        Assert.Equal(now.EnumerateObject().Select(p => p.Name), grades.EnumerateObject().Select(p => p.Name));

        // boardChanged: the board of GET /api/v1/merchants/board, the 示范店 top 10 included.
        var board = await feed.Next("boardChanged", p => p.GetProperty("street").GetString() == "水晶街"
            && p.GetProperty("merchants").EnumerateArray().Any(m => m.GetProperty("id").GetString() == id && m.GetProperty("color").GetString() == "red"));
        Assert.Contains(board.GetProperty("exemplary").EnumerateArray(), m => m.GetProperty("id").GetString() == id);
        var rest = await (await grid.Client().GetAsync("/api/v1/merchants/board?street=水晶街")).Body();
        Assert.Equal(rest.EnumerateObject().Select(p => p.Name), board.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task A_persons_changeLogged_line_is_masked()
    {
        var person = GridHost.NewPersonId();
        await grid.Register("person", person, new { name = "推送日志人" });
        await using var feed = new Feed(grid.BaseAddress, GridHost.Operator);
        await feed.Connection.StartAsync();
        var eventId = GridHost.NewEventId();
        await grid.PushApplied(new { eventId, subjectKind = "person", subjectId = person, indicator = "P-PEN-FINE-UPTO-500", occurredAt = "2026-11-20" });
        var line = await feed.Next("changeLogged", p => p.GetProperty("eventId").GetString() == eventId);
        Assert.Equal(person[..6] + "********" + person[^4..], line.GetProperty("id").GetString());
        Assert.Equal((1000, 990), (line.GetProperty("from").GetInt32(), line.GetProperty("to").GetInt32()));
        Assert.DoesNotContain(feed.Received, m => m.Payload.ToString().Contains(person));
    }
}
