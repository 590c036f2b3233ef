using System.Net;
using System.Text.Json;

namespace CreditGrid.Api.Tests;

/// <summary>http-api "Credit events": durable 202, idempotency, validation, batch.</summary>
public class EventEndpointTests(GridHost grid) : IClassFixture<GridHost>
{
    private async Task<string> Enterprise()
    {
        var id = GridHost.NewEnterpriseId();
        Assert.Equal(HttpStatusCode.Created, (await grid.Register("enterprise", id, new { name = "张店某某餐饮店", registeredAt = "2024-03-01" })).StatusCode);
        return id;
    }

    [Fact]
    public async Task Fine_of_10k_to_100k_drops_an_enterprise_to_A_minus()
    {
        var id = await Enterprise();
        var applied = await grid.PushApplied(Calls.Fine(id));
        Assert.Single(applied.GetProperty("recordIds").EnumerateArray());

        var subject = await grid.Subject("enterprise", id);
        Assert.Equal(960, subject.GetProperty("score").GetInt32());
        Assert.Equal("A-", subject.GetProperty("grade").GetString());
        Assert.Equal("诚信守法", subject.GetProperty("category").GetString());
        var record = subject.GetProperty("records")[0];
        Assert.Equal("E-PEN-FINE-10K-100K", record.GetProperty("indicator").GetString());
        Assert.Equal(-40, record.GetProperty("effectivePoints").GetInt32());
        Assert.Equal("active", record.GetProperty("status").GetString());
        Assert.Equal("2027-10-02", record.GetProperty("expiresAt").GetString());
        Assert.Equal(GridHost.ReporterDepartment, record.GetProperty("department").GetString());
    }

    [Fact]
    public async Task An_unregistered_enterprise_is_created_on_its_first_event()
    {
        var id = GridHost.NewEnterpriseId();
        await grid.PushApplied(Calls.Fine(id, indicator: "E-PEN-NOTICE"));
        Assert.Equal(990, (await grid.Subject("enterprise", id)).GetProperty("score").GetInt32());
    }

    [Fact]
    public async Task The_same_event_twice_is_200_and_a_different_body_under_the_same_id_is_409()
    {
        var id = await Enterprise();
        var eventId = GridHost.NewEventId();
        var body = Calls.Fine(id, eventId, actionRef: "A-1");
        Assert.Equal(HttpStatusCode.Accepted, (await grid.Push(body)).StatusCode);
        var again = await grid.Push(body);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(eventId, (await again.Body()).GetProperty("eventId").GetString());
        var conflict = await grid.Push(Calls.Fine(id, eventId, actionRef: "A-2"));
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("application/problem+json", conflict.Content.Headers.ContentType?.MediaType);
        await grid.WaitFor(eventId, "applied");
        Assert.Single((await grid.Subject("enterprise", id)).GetProperty("records").EnumerateArray());
    }

    [Theory]
    [InlineData("""{ "eventId": "x1", "subjectKind": "enterprise" """, 400, "body")]
    [InlineData("""{ "eventId": "x2", "subjectKind": "enterprise", "subjectId": "{E}", "indicator": "E-PEN-NOTICE", "occurredAt": "2026-10-02", "points": "ten" }""", 400, "points")]
    [InlineData("""{ "eventId": "x3", "subjectKind": "enterprise", "subjectId": "{E}", "indicator": "E-PEN-NOTICE", "occurredAt": "2026-10-02", "departmant": "x" }""", 400, "departmant")]
    [InlineData("""{ "eventId": "x 4", "subjectKind": "enterprise", "subjectId": "{E}", "indicator": "E-PEN-NOTICE", "occurredAt": "2026-10-02" }""", 400, "eventId")]
    [InlineData("""{ "eventId": "x5", "subjectKind": "enterprise", "subjectId": "{E}", "indicator": "E-PEN-NOTICE", "occurredAt": "02/10/2026" }""", 400, "occurredAt")]
    [InlineData("""{ "eventId": "x6", "subjectKind": "company", "subjectId": "{E}", "indicator": "E-PEN-NOTICE", "occurredAt": "2026-10-02" }""", 400, "subjectKind")]
    [InlineData("""{ "eventId": "x7", "subjectKind": "enterprise", "subjectId": "91350100M000100Y44", "indicator": "E-PEN-NOTICE", "occurredAt": "2026-10-02" }""", 422, "subjectId")]
    [InlineData("""{ "eventId": "x8", "subjectKind": "enterprise", "subjectId": "{E}", "indicator": "E-NO-SUCH-ROW", "occurredAt": "2026-10-02" }""", 422, "indicator")]
    [InlineData("""{ "eventId": "x9", "subjectKind": "enterprise", "subjectId": "{E}", "indicator": "P-TAX-REFUSE", "occurredAt": "2026-10-02" }""", 422, "indicator")]
    [InlineData("""{ "eventId": "x10", "subjectKind": "enterprise", "subjectId": "{E}", "indicator": "E-PEN-NOTICE", "occurredAt": "2026-11-29" }""", 422, "occurredAt")]
    [InlineData("""{ "eventId": "x11", "subjectKind": "enterprise", "subjectId": "{E}", "indicator": "E-PEN-OTHER", "occurredAt": "2026-10-02", "points": -401 }""", 422, "points")]
    [InlineData("""{ "eventId": "x12", "subjectKind": "enterprise", "subjectId": "{E}", "indicator": "E-PEN-OTHER", "occurredAt": "2026-10-02" }""", 422, "points")]
    [InlineData("""{ "eventId": "x13", "subjectKind": "enterprise", "subjectId": "{E}", "indicator": "E-DONATION-COMPANY-B2", "occurredAt": "2026-10-02" }""", 422, "indicator")]
    [InlineData("""{ "eventId": "x14", "subjectKind": "enterprise", "subjectId": "{E}", "indicator": "E-DONATION-COMPANY", "occurredAt": "2026-10-02", "amount": 5000 }""", 422, "amountKind")]
    [InlineData("""{ "eventId": "x15", "subjectKind": "person", "subjectId": "{P}", "indicator": "P-TAX-REFUSE", "occurredAt": "2026-10-02" }""", 422, "subjectId")]
    [InlineData("""{ "eventId": "x16", "subjectKind": "official", "subjectId": "{P}", "indicator": "O-DISCIPLINE-WARNING", "occurredAt": "2026-10-02", "validityYears": 2 }""", 403, "validityYears")]
    [InlineData("""{ "eventId": "x17", "subjectKind": "person", "subjectId": "{MINOR}", "indicator": "P-TAX-REFUSE", "occurredAt": "2026-10-02" }""", 422, "subjectId")]
    public async Task Bad_input_gets_a_clear_error_and_nothing_is_stored(string template, int status, string field)
    {
        var enterprise = GridHost.NewEnterpriseId();
        var json = template.Replace("{E}", enterprise).Replace("{P}", GridHost.NewPersonId())
            .Replace("{MINOR}", CreditGrid.Core.Identifiers.ResidentId.Complete("37030320100101123"));
        var response = await grid.Client(GridHost.Reporter).PostAsync("/api/v1/events", Calls.Json(json));
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Body();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.True(problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _), $"errors should name '{field}': {problem}");
        // Nothing stored: the event id is unknown and the subject does not exist.
        var eventId = JsonDocument.Parse(template.Contains("\"x1\"") ? "{}" : json).RootElement.TryGetProperty("eventId", out var e) ? e.GetString() : null;
        if (eventId is not null)
            Assert.Equal(HttpStatusCode.NotFound, (await grid.Client(GridHost.CreditCenter).GetAsync($"/api/v1/events/{Uri.EscapeDataString(eventId)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await grid.Client(GridHost.Operator).GetAsync($"/api/v1/subjects/enterprise/{enterprise}")).StatusCode);
    }

    [Fact]
    public async Task An_oversized_body_is_413_and_stores_nothing()
    {
        var id = GridHost.NewEnterpriseId();
        var body = JsonSerializer.Serialize(new { eventId = "big-1", subjectKind = "enterprise", subjectId = id, indicator = "E-PEN-NOTICE", occurredAt = "2026-10-02", note = new string('x', 70_000) });
        var response = await grid.Client(GridHost.Reporter).PostAsync("/api/v1/events", Calls.Json(body));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await grid.Client(GridHost.CreditCenter).GetAsync("/api/v1/events/big-1")).StatusCode);
    }

    [Fact]
    public async Task The_department_comes_from_the_key_not_the_body()
    {
        var id = await Enterprise();
        var json = $$"""{ "eventId": "{{GridHost.NewEventId()}}", "subjectKind": "enterprise", "subjectId": "{{id}}", "indicator": "E-PEN-NOTICE", "occurredAt": "2026-10-02", "department": "区税务局" }""";
        var response = await grid.Client(GridHost.Reporter).PostAsync("/api/v1/events", Calls.Json(json));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode); // there is no such field to set
        await grid.PushApplied(Calls.Fine(id, indicator: "E-PEN-NOTICE"), GridHost.TaxReporter);
        var record = (await grid.Subject("enterprise", id)).GetProperty("records")[0];
        Assert.Equal("区税务局", record.GetProperty("department").GetString());
    }

    [Fact]
    public async Task A_batch_answers_207_with_one_result_per_event_in_order_and_keeps_the_valid_ones()
    {
        var id = await Enterprise();
        var good1 = GridHost.NewEventId();
        var good2 = GridHost.NewEventId();
        var body = $$"""
            { "events": [
              { "eventId": "{{good1}}", "subjectKind": "enterprise", "subjectId": "{{id}}", "indicator": "E-PEN-NOTICE", "occurredAt": "2026-10-02", "actionRef": "B-1" },
              { "eventId": "bad-batch-1", "subjectKind": "enterprise", "subjectId": "{{id}}", "indicator": "E-NOPE", "occurredAt": "2026-10-02" },
              { "eventId": "bad-batch-2", "subjectKind": "enterprise", "subjectId": "{{id}}", "indicator": "E-PEN-NOTICE", "occurredAt": "2026-10-02", "points": "x" },
              { "eventId": "{{good2}}", "subjectKind": "enterprise", "subjectId": "{{id}}", "indicator": "E-AWARD-DISTRICT-DEPT", "occurredAt": "2026-10-03" },
              { "eventId": "{{good1}}", "subjectKind": "enterprise", "subjectId": "{{id}}", "indicator": "E-PEN-NOTICE", "occurredAt": "2026-10-02", "actionRef": "B-1" }
            ] }
            """;
        var response = await grid.Client(GridHost.Reporter).PostAsync("/api/v1/events:batch", Calls.Json(body));
        Assert.Equal(HttpStatusCode.MultiStatus, response.StatusCode);
        var results = (await response.Body()).GetProperty("results").EnumerateArray().ToList();
        Assert.Equal([202, 422, 400, 202, 200], results.Select(r => r.GetProperty("statusCode").GetInt32()));
        Assert.Equal(["accepted", "rejected", "rejected", "accepted", "duplicate"], results.Select(r => r.GetProperty("status").GetString()));
        Assert.Equal("bad-batch-1", results[1].GetProperty("eventId").GetString());
        Assert.Equal(422, results[1].GetProperty("problem").GetProperty("status").GetInt32());
        await grid.WaitFor(good1, "applied");
        await grid.WaitFor(good2, "applied");
        Assert.Equal(1000 - 10 + 5, (await grid.Subject("enterprise", id)).GetProperty("score").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await grid.Client(GridHost.CreditCenter).GetAsync("/api/v1/events/bad-batch-1")).StatusCode);
    }

    [Fact]
    public async Task Metrics_count_accepted_and_applied_events_in_Prometheus_text()
    {
        var id = await Enterprise();
        await grid.PushApplied(Calls.Fine(id));
        var metrics = await grid.Client().GetStringAsync("/metrics");
        Assert.Matches(@"creditgrid_events_accepted(_event)?_total(\{[^}]*\})? [1-9]", metrics);
        Assert.Matches(@"creditgrid_events_applied(_event)?_total(\{[^}]*\})? [1-9]", metrics);
        Assert.Contains("creditgrid_events_apply_latency", metrics);
        Assert.Contains("creditgrid_subjects_active", metrics);
    }

    [Fact]
    public async Task A_batch_over_1000_events_is_413()
    {
        var events = Enumerable.Range(0, 1001).Select(i => new { eventId = $"over-{i}" });
        var response = await grid.Client(GridHost.Reporter).PostAsync("/api/v1/events:batch", Calls.Json(new { events }));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_reporter_cannot_read_another_departments_event_and_learns_not_even_that_it_exists()
    {
        var id = await Enterprise();
        var applied = await grid.PushApplied(Calls.Fine(id));
        var eventId = applied.GetProperty("eventId").GetString();
        Assert.Equal(HttpStatusCode.OK, (await grid.Client(GridHost.Reporter).GetAsync($"/api/v1/events/{eventId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await grid.Client(GridHost.TaxReporter).GetAsync($"/api/v1/events/{eventId}")).StatusCode);
    }

    [Fact]
    public async Task Range_rows_and_amount_rules_score_as_the_rules_say()
    {
        var id = await Enterprise();
        await grid.PushApplied(new { eventId = GridHost.NewEventId(), subjectKind = "enterprise", subjectId = id, indicator = "E-OTHER-GOOD-CONDUCT", occurredAt = "2026-10-02", points = 3 });
        await grid.PushApplied(new { eventId = GridHost.NewEventId(), subjectKind = "enterprise", subjectId = id, indicator = "E-DONATION-COMPANY", occurredAt = "2026-10-02", amount = 14000, amountKind = "cash" });
        var subject = await grid.Subject("enterprise", id);
        Assert.Equal(1000 + 3 + 11, subject.GetProperty("score").GetInt32());
        Assert.Equal("A+", subject.GetProperty("grade").GetString());
    }
}
