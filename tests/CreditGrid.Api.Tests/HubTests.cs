using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace CreditGrid.Api.Tests;

/// <summary>The live feed over a real SignalR connection: a change pushed over HTTP arrives as the contract's messages.</summary>
public class HubTests(GridHost grid) : IClassFixture<GridHost>
{
    private sealed class Feed : IAsyncDisposable
    {
        public readonly ConcurrentQueue<(string Method, JsonElement Payload)> Received = new();
        public HubConnection Connection { get; }

        public Feed(Uri baseAddress, string key)
        {
            // The contract's way: the key as access_token on the negotiate request.
            Connection = new HubConnectionBuilder().WithUrl(new Uri(baseAddress, $"/hubs/grid?access_token={key}")).Build();
            foreach (var method in new[] { "merchantStatusChanged", "scoreChanged", "boardChanged", "emergencyChanged" })
                Connection.On<JsonElement>(method, payload => Received.Enqueue((method, payload)));
        }

        public async Task<(string Method, JsonElement Payload)> Next(Func<(string Method, JsonElement Payload), bool> match)
        {
            for (var i = 0; i < 200; i++)
            {
                var hit = Received.FirstOrDefault(match);
                if (hit.Method is not null) return hit;
                await Task.Delay(50);
            }
            throw new Xunit.Sdk.XunitException("no matching message; received: " + string.Join(", ", Received.Select(r => r.Method + " " + r.Payload)));
        }

        public ValueTask DisposeAsync() => Connection.DisposeAsync();
    }

    [Fact]
    public async Task A_finding_pushed_over_HTTP_arrives_as_merchantStatusChanged_and_boardChanged()
    {
        var id = GridHost.NewEnterpriseId();
        await grid.Register("merchant", id, new { name = "推送测试店", street = "水晶街" });
        await using var feed = new Feed(grid.BaseAddress, GridHost.Operator);
        await feed.Connection.StartAsync();

        var inspected = await grid.Client(GridHost.Reporter).PostAsync($"/api/v1/merchants/{id}/inspections", Calls.Json(new
        {
            inspectionId = "hub-1", date = "2026-11-27",
            findings = new[] { new { findingId = "hub-f1", area = "明码标价", problem = "未明码标价", deadline = "2026-12-10" } },
        }));
        Assert.Equal(HttpStatusCode.Created, inspected.StatusCode);

        var status = (await feed.Next(m => m.Method == "merchantStatusChanged" && m.Payload.GetProperty("merchantId").GetString() == id
            && m.Payload.GetProperty("color").GetString() == "yellow")).Payload;
        Assert.Equal(["merchantId", "name", "street", "color", "previousColor", "grade", "score", "at"], status.EnumerateObject().Select(p => p.Name));
        Assert.Equal("yellow", status.GetProperty("color").GetString());
        Assert.Equal("blue", status.GetProperty("previousColor").GetString());
        Assert.Equal("推送测试店", status.GetProperty("name").GetString());
        Assert.Equal("水晶街", status.GetProperty("street").GetString());
        Assert.Equal("A", status.GetProperty("grade").GetString());
        Assert.Equal(1000, status.GetProperty("score").GetInt32());

        var board = (await feed.Next(m => m.Method == "boardChanged" && m.Payload.GetProperty("merchants").EnumerateArray()
            .Any(x => x.GetProperty("id").GetString() == id && x.GetProperty("color").GetString() == "yellow"))).Payload;
        Assert.Equal("水晶街", board.GetProperty("street").GetString());
        Assert.True(board.GetProperty("targets").TryGetProperty("met", out _));
        // A status change that keeps the score sends no scoreChanged (only the registration's first sighting, with no previous score).
        Assert.DoesNotContain(feed.Received, m => m.Method == "scoreChanged" && m.Payload.GetProperty("id").GetString() == id
            && m.Payload.GetProperty("previousScore").ValueKind != JsonValueKind.Null);
    }

    [Fact]
    public async Task A_persons_score_change_arrives_masked_with_the_event_id()
    {
        var person = GridHost.NewPersonId();
        await grid.Register("person", person, new { name = "推送测试人" });
        await using var feed = new Feed(grid.BaseAddress, GridHost.Operator);
        await feed.Connection.StartAsync();
        var eventId = GridHost.NewEventId();
        await grid.PushApplied(new { eventId, subjectKind = "person", subjectId = person, indicator = "P-PEN-FINE-UPTO-500", occurredAt = "2026-11-20" });

        var masked = person[..6] + "********" + person[^4..];
        var change = (await feed.Next(m => m.Method == "scoreChanged" && m.Payload.GetProperty("eventId").GetString() == eventId)).Payload;
        Assert.Equal(["kind", "id", "score", "previousScore", "grade", "stars", "color", "eventId", "at"], change.EnumerateObject().Select(p => p.Name));
        Assert.Equal("person", change.GetProperty("kind").GetString());
        Assert.Equal(masked, change.GetProperty("id").GetString());
        Assert.Equal(990, change.GetProperty("score").GetInt32());
        Assert.Equal(1000, change.GetProperty("previousScore").GetInt32());
        Assert.Equal("A-", change.GetProperty("grade").GetString());
        Assert.DoesNotContain(feed.Received, m => m.Payload.ToString().Contains(person));
    }

    [Theory]
    [InlineData(GridHost.Reporter)]
    [InlineData("not-a-key")]
    public async Task Only_operators_may_connect(string key)
    {
        await using var feed = new Feed(grid.BaseAddress, key);
        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => feed.Connection.StartAsync());
        Assert.True(ex.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized);
    }
}
