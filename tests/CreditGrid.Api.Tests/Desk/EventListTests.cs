using System.Net;
using System.Text.Json;
using CreditGrid.Core;
using CreditGrid.Core.Grid;
using CreditGrid.Core.Identifiers;

namespace CreditGrid.Api.Tests.Desk;

/// <summary>GET /api/v1/events?mine=true&amp;since= (http-api "Authentication and roles", "Department desk"; docs/desk.md).</summary>
public class EventListTests(GridHost grid) : IClassFixture<GridHost>
{
    private static async Task<JsonElement> List(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/v1/events?" + query);
        var body = await response.Body();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return body;
    }

    private static List<string> Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("eventId").GetString()!)];

    [Fact]
    public async Task A_reporter_sees_its_own_departments_events_newest_first_and_never_another_departments()
    {
        var enterprise = GridHost.NewEnterpriseId();
        var ours = (await grid.PushApplied(Calls.Fine(enterprise))).GetProperty("eventId").GetString()!;
        var theirs = (await grid.PushApplied(Calls.Fine(enterprise), GridHost.TaxReporter)).GetProperty("eventId").GetString()!;
        var later = (await grid.PushApplied(Calls.Fine(enterprise, indicator: "E-PEN-FINE-UP-TO-10K"))).GetProperty("eventId").GetString()!;

        var mine = Ids(await List(grid.Client(GridHost.Reporter), "mine=true&pageSize=500"));
        Assert.Contains(ours, mine);
        Assert.DoesNotContain(theirs, mine);
        Assert.True(mine.IndexOf(later) < mine.IndexOf(ours), "newest first");
        // mine left out: a reporter still only ever sees its own department's events (docs/desk.md)
        Assert.DoesNotContain(theirs, Ids(await List(grid.Client(GridHost.Reporter), "pageSize=500")));
        Assert.Contains(theirs, Ids(await List(grid.Client(GridHost.TaxReporter), "mine=true&pageSize=500")));

        var item = (await List(grid.Client(GridHost.Reporter), "mine=true&pageSize=500")).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("eventId").GetString() == ours);
        Assert.Equal("applied", item.GetProperty("status").GetString());
        Assert.Equal("enterprise", item.GetProperty("subjectKind").GetString());
        Assert.Equal(enterprise, item.GetProperty("subjectId").GetString());
        Assert.Equal("E-PEN-FINE-10K-100K", item.GetProperty("indicator").GetString());
        Assert.Equal("2026-10-02", item.GetProperty("occurredAt").GetString());
        Assert.EndsWith("Z", item.GetProperty("receivedAt").GetString());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("reason").ValueKind);
        Assert.Single(item.GetProperty("recordIds").EnumerateArray());
        Assert.Equal(GridHost.ReporterDepartment, item.GetProperty("department").GetString());
    }

    [Fact]
    public async Task A_reporter_asking_for_another_department_is_refused_and_the_credit_centre_may_filter_by_department()
    {
        var enterprise = GridHost.NewEnterpriseId();
        var theirs = (await grid.PushApplied(Calls.Fine(enterprise), GridHost.TaxReporter)).GetProperty("eventId").GetString()!;

        var refused = await grid.Client(GridHost.Reporter).GetAsync("/api/v1/events?department=" + Uri.EscapeDataString("区税务局"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("credit-center", (await refused.Body()).GetProperty("detail").GetString());

        var center = await List(grid.Client(GridHost.CreditCenter), "pageSize=500&department=" + Uri.EscapeDataString("区税务局"));
        Assert.Contains(theirs, Ids(center));
        Assert.All(center.GetProperty("items").EnumerateArray(), i => Assert.Equal("区税务局", i.GetProperty("department").GetString()));
        Assert.Contains(theirs, Ids(await List(grid.Client(GridHost.Operator), "pageSize=500")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await grid.Client().GetAsync("/api/v1/events?mine=true")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await grid.Client(GridHost.Emergency).GetAsync("/api/v1/events?mine=true")).StatusCode);
    }

    [Fact]
    public async Task A_persons_id_is_masked_in_the_list()
    {
        var person = GridHost.NewPersonId();
        Assert.Equal(HttpStatusCode.Created, (await grid.Register("person", person, new { name = "张三" })).StatusCode);
        var pushed = await grid.PushApplied(new
        {
            eventId = GridHost.NewEventId(), subjectKind = "person", subjectId = person, indicator = "P-PEN-FINE-UPTO-500",
            occurredAt = "2026-09-01", actionRef = "张公罚〔2026〕" + Guid.NewGuid().ToString("N")[..6],
        });
        var id = pushed.GetProperty("eventId").GetString()!;
        var text = await (await grid.Client(GridHost.Reporter).GetAsync("/api/v1/events?mine=true&pageSize=500")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(person, text);
        var item = JsonDocument.Parse(text).RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("eventId").GetString() == id);
        Assert.Equal(ResidentId.Mask(person), item.GetProperty("subjectId").GetString());
        // the operator's list masks too: only the single-subject read, audited, shows the full id
        Assert.DoesNotContain(person, await (await grid.Client(GridHost.Operator).GetAsync("/api/v1/events?pageSize=500")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_event_the_subject_refuses_shows_rejected_with_its_reason()
    {
        // An event the endpoint would refuse at once can still reach the intake (a person unregistered between the
        // check and the apply): the subject refuses it when it applies, and the list says why.
        var person = GridHost.NewPersonId();
        var eventId = GridHost.NewEventId();
        var e = new CreditEvent
        {
            EventId = eventId, SubjectKind = SubjectKind.Person, SubjectId = person, Indicator = "P-PEN-FINE-UPTO-500",
            Department = GridHost.ReporterDepartment, OccurredAt = new DateOnly(2026, 9, 1), ReportedAt = new DateOnly(2026, 11, 28),
        };
        await grid.Service<IEventIntake>().Accept([new IntakeItem(e, "test-" + eventId)]);
        var single = await grid.WaitFor(eventId, "rejected");

        var item = (await List(grid.Client(GridHost.Reporter), "mine=true&pageSize=500")).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("eventId").GetString() == eventId);
        Assert.Equal("rejected", item.GetProperty("status").GetString());
        Assert.False(string.IsNullOrWhiteSpace(item.GetProperty("reason").GetString()));
        Assert.Equal(single.GetProperty("reason").GetString(), item.GetProperty("reason").GetString()); // the subject's own words
        Assert.Empty(item.GetProperty("recordIds").EnumerateArray());
    }

    [Fact]
    public async Task The_list_is_paged_and_since_keeps_only_events_received_from_then_on()
    {
        var enterprise = GridHost.NewEnterpriseId();
        for (var i = 0; i < 3; i++) await grid.PushApplied(Calls.Fine(enterprise), GridHost.TaxReporter);
        var all = await List(grid.Client(GridHost.TaxReporter), "mine=true&pageSize=500");
        var total = all.GetProperty("total").GetInt32();
        Assert.True(total >= 3);

        var first = await List(grid.Client(GridHost.TaxReporter), "mine=true&page=1&pageSize=2");
        var second = await List(grid.Client(GridHost.TaxReporter), "mine=true&page=2&pageSize=2");
        Assert.Equal(total, first.GetProperty("total").GetInt32());
        Assert.Equal(1, first.GetProperty("page").GetInt32());
        Assert.Equal(2, first.GetProperty("pageSize").GetInt32());
        Assert.Equal(2, Ids(first).Count);
        Assert.Equal(Ids(all).Skip(2).Take(2), Ids(second));
        Assert.Empty(Ids(first).Intersect(Ids(second)));

        // since: received at or after that instant (the host's clock starts at GridHost.Now and runs on)
        Assert.Equal(total, (await List(grid.Client(GridHost.TaxReporter), "mine=true&since=" + Uri.EscapeDataString("2026-11-01T00:00:00Z"))).GetProperty("total").GetInt32());
        var newest = DateTimeOffset.Parse(all.GetProperty("items")[0].GetProperty("receivedAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var fromNewest = await List(grid.Client(GridHost.TaxReporter), "mine=true&since=" + Uri.EscapeDataString(all.GetProperty("items")[0].GetProperty("receivedAt").GetString()!));
        Assert.Equal(Ids(all)[0], Ids(fromNewest)[0]);
        var none = await List(grid.Client(GridHost.TaxReporter), "mine=true&since=" + Uri.EscapeDataString(newest.AddSeconds(1).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(0, none.GetProperty("total").GetInt32());
        Assert.Empty(Ids(none));
    }

    [Theory]
    [InlineData("since=yesterday", 400, "since")]
    [InlineData("mine=yes", 400, "mine")]
    [InlineData("pageSize=501", 422, "pageSize")]
    [InlineData("page=0", 422, "page")]
    public async Task Bad_query_parameters_are_refused_naming_the_parameter(string query, int status, string field)
    {
        var response = await grid.Client(GridHost.Reporter).GetAsync("/api/v1/events?" + query);
        Assert.Equal(status, (int)response.StatusCode);
        var body = await response.Body();
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), body.ToString());
    }
}
