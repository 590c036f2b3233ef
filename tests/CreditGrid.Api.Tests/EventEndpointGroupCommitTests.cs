using System.Net;
using CreditGrid.Silo.Storage;

namespace CreditGrid.Api.Tests;

/// <summary>
/// Concurrent intake requests share one synced commit (issue 16, docs/intake.md "Small requests"); each request still
/// gets exactly the answer it would get alone, one after another: for every event id one 202, the same body again 200,
/// another body 409, and every accepted event lands once.
/// </summary>
public class EventEndpointGroupCommitTests(GridHost grid) : IClassFixture<GridHost>
{
    private sealed record Offer(string EventId, string Subject, string ActionRef, Task<HttpResponseMessage> Response);

    [Fact]
    public async Task Many_concurrent_one_event_posts_share_commits_and_each_gets_the_answer_it_gets_alone()
    {
        var before = Counts();
        var offers = new List<Offer>();
        var ids = new List<(string EventId, string Subject)>();
        for (var i = 0; i < 40; i++) ids.Add((GridHost.NewEventId(), GridHost.NewEnterpriseId()));
        // Every fourth id is offered three times at once: twice with one body, once with another.
        var client = grid.Client(GridHost.Reporter);
        var sends = new List<(string EventId, string Subject, string ActionRef)>();
        for (var i = 0; i < ids.Count; i++)
        {
            sends.Add((ids[i].EventId, ids[i].Subject, "A"));
            if (i % 4 == 0) { sends.Add((ids[i].EventId, ids[i].Subject, "A")); sends.Add((ids[i].EventId, ids[i].Subject, "B")); }
        }
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        foreach (var (eventId, subject, actionRef) in sends)
            offers.Add(new Offer(eventId, subject, actionRef, Task.Run(async () =>
            {
                await gate.Task;
                return await client.PostAsync("/api/v1/events", Calls.Json(Calls.Fine(subject, eventId, actionRef: $"张市监罚〔2026〕{actionRef}")));
            })));
        gate.SetResult();
        var answered = new List<(Offer Offer, HttpStatusCode Status, System.Text.Json.JsonElement Body)>();
        foreach (var offer in offers)
        {
            var response = await offer.Response;
            answered.Add((offer, response.StatusCode, await response.Body()));
        }

        foreach (var group in answered.GroupBy(a => a.Offer.EventId))
        {
            var winners = group.Where(a => a.Status == HttpStatusCode.Accepted).ToList();
            Assert.Single(winners);
            foreach (var (offer, status, body) in group.Except(winners))
            {
                Assert.Equal(offer.ActionRef == winners[0].Offer.ActionRef ? HttpStatusCode.OK : HttpStatusCode.Conflict, status);
                if (status == HttpStatusCode.Conflict) Assert.Contains("已用于另一条不同的事件", body.GetProperty("detail").GetString());
                else Assert.Equal(group.Key, body.GetProperty("eventId").GetString());
            }
            Assert.Equal(group.Key, winners[0].Body.GetProperty("eventId").GetString());
        }

        // Every 202 lands once: applied, one record on its subject.
        foreach (var (eventId, subject) in ids)
        {
            await grid.WaitFor(eventId, "applied");
            Assert.Single((await grid.Subject("enterprise", subject)).GetProperty("records").EnumerateArray());
        }

        // And the requests did share commits: fewer synced intake transactions than requests.
        var after = Counts();
        Assert.Equal(sends.Count, after.Requests - before.Requests);
        Assert.True(after.Groups - before.Groups < sends.Count, $"{after.Groups - before.Groups} commits for {sends.Count} requests");
    }

    [Fact]
    public async Task A_batch_and_single_posts_with_the_same_ids_at_once_get_one_202_per_id()
    {
        var subject = GridHost.NewEnterpriseId();
        var eventIds = Enumerable.Range(0, 10).Select(_ => GridHost.NewEventId()).ToList();
        var client = grid.Client(GridHost.Reporter);
        var batch = client.PostAsync("/api/v1/events:batch", Calls.Json(new { events = eventIds.Select(id => Calls.Fine(subject, id, actionRef: "张市监罚〔2026〕S")).ToArray() }));
        var singles = eventIds.Select(id => client.PostAsync("/api/v1/events", Calls.Json(Calls.Fine(subject, id, actionRef: "张市监罚〔2026〕S")))).ToList();
        var items = (await (await batch).Body()).GetProperty("results").EnumerateArray().ToList();
        for (var i = 0; i < eventIds.Count; i++)
        {
            var single = (await singles[i]).StatusCode;
            var inBatch = items[i].GetProperty("statusCode").GetInt32();
            // The same body twice: whichever came first is 202, the other 200.
            Assert.True((single, inBatch) is (HttpStatusCode.Accepted, 200) or (HttpStatusCode.OK, 202), $"{eventIds[i]}: single {(int)single}, batch {inBatch}");
        }
        foreach (var id in eventIds) await grid.WaitFor(id, "applied");
        Assert.Equal(eventIds.Count, (await grid.Subject("enterprise", subject)).GetProperty("records").GetArrayLength());
    }

    private (long Groups, long Requests) Counts() => grid.Service<SqlEventIntake>().AcceptCounts;
}
