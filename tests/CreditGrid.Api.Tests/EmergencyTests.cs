using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace CreditGrid.Api.Tests;

/// <summary>http-api "Emergency plans" (张政字〔2021〕95号, domain-rules §8) over HTTP, and emergencyChanged on the hub.</summary>
public class EmergencyTests(GridHost grid) : IClassFixture<GridHost>
{
    private HttpClient Emergency => grid.Client(GridHost.Emergency);

    private static string NewId() => "inc-" + Guid.NewGuid().ToString("N")[..10];

    private async Task<JsonElement> Create(string id, string type = "危险化学品事故", string severity = "重大", string occurredAt = "2026-11-28T00:00:00Z")
    {
        var response = await Emergency.PostAsync("/api/v1/emergencies", Calls.Json(new { incidentId = id, title = "某化工厂泄漏", type, severity, occurredAt, location = "张店区某路" }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Body();
    }

    [Fact]
    public async Task An_incident_takes_its_category_and_lead_departments_from_table_9_1_and_has_both_release_deadlines()
    {
        var id = NewId();
        var incident = await Create(id);
        Assert.Equal("事故灾难", incident.GetProperty("category").GetString());
        Assert.Equal("reported", incident.GetProperty("status").GetString());
        Assert.Equal("重大", incident.GetProperty("severity").GetString());
        Assert.NotEmpty(incident.GetProperty("leadDepartments").EnumerateArray());
        Assert.True(incident.GetProperty("escalated").GetBoolean());
        var deadlines = incident.GetProperty("deadlines").EnumerateArray().ToList();
        Assert.Equal(["authoritative", "press-conference"], deadlines.Select(d => d.GetProperty("kind").GetString()));
        Assert.Equal(DateTimeOffset.Parse("2026-11-28T05:00:00Z"), deadlines[0].GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal(DateTimeOffset.Parse("2026-11-29T00:00:00Z"), deadlines[1].GetProperty("dueAt").GetDateTimeOffset());
        Assert.All(deadlines, d => Assert.False(d.GetProperty("overdue").GetBoolean()));

        var general = await Create(NewId(), severity: "一般");
        Assert.Empty(general.GetProperty("deadlines").EnumerateArray());
        Assert.False(general.GetProperty("escalated").GetBoolean());
        Assert.Equal("区委、区政府", general.GetProperty("leadingJurisdiction").GetString());
    }

    [Fact]
    public async Task Warnings_responses_releases_and_the_end_follow_the_plan_and_keep_a_history()
    {
        var id = NewId();
        await Create(id);
        var warned = await (await Emergency.PostAsync($"/api/v1/emergencies/{id}/warning", Calls.Json(new { level = 2 }))).Body();
        Assert.Equal("warning", warned.GetProperty("status").GetString());
        Assert.Equal("orange", warned.GetProperty("warningColor").GetString());
        var raised = await (await Emergency.PostAsync($"/api/v1/emergencies/{id}/warning", Calls.Json(new { level = 1 }))).Body();
        Assert.Equal("red", raised.GetProperty("warningColor").GetString());

        var responding = await (await Emergency.PostAsync($"/api/v1/emergencies/{id}/response", Calls.Json(new { level = 2 }))).Body();
        Assert.Equal("responding", responding.GetProperty("status").GetString());
        Assert.Equal(2, responding.GetProperty("responseLevel").GetInt32());
        Assert.Equal("常务副区长", responding.GetProperty("commander").GetString());
        Assert.Equal("区政府", responding.GetProperty("decidedBy").GetString());
        var adjusted = await (await Emergency.PostAsync($"/api/v1/emergencies/{id}/response", Calls.Json(new { level = 1 }))).Body();
        Assert.Equal("区长", adjusted.GetProperty("commander").GetString());

        var released = await (await Emergency.PostAsync($"/api/v1/emergencies/{id}/releases", Calls.Json(new { kind = "authoritative", at = "2026-11-28T01:30:00Z" }))).Body();
        var authoritative = released.GetProperty("deadlines")[0];
        Assert.Equal(DateTimeOffset.Parse("2026-11-28T01:30:00Z"), authoritative.GetProperty("doneAt").GetDateTimeOffset());
        Assert.False(authoritative.GetProperty("overdue").GetBoolean());

        var lifted = await (await Emergency.PostAsync($"/api/v1/emergencies/{id}/warning/lift", Calls.Json(new { }))).Body();
        Assert.True(lifted.GetProperty("warningLevel").ValueKind == JsonValueKind.Null);
        Assert.Equal("responding", lifted.GetProperty("status").GetString());

        var ended = await (await Emergency.PostAsync($"/api/v1/emergencies/{id}/end", Calls.Json(new { }))).Body();
        Assert.Equal("ended", ended.GetProperty("status").GetString());
        var history = ended.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("change").GetString()).ToList();
        Assert.Equal(["created", "warning", "warning", "response", "response", "release", "warning", "ended"], history);
        Assert.All(ended.GetProperty("history").EnumerateArray(), h => Assert.Equal("区应急管理局", h.GetProperty("by").GetString()));

        // Transitions that make no sense now are 409 with a reason.
        var afterEnd = await Emergency.PostAsync($"/api/v1/emergencies/{id}/response", Calls.Json(new { level = 3 }));
        Assert.Equal(HttpStatusCode.Conflict, afterEnd.StatusCode);
        Assert.Contains("已应急结束", (await afterEnd.Body()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await Emergency.PostAsync($"/api/v1/emergencies/{id}/end", Calls.Json(new { }))).StatusCode);

        var active = await (await grid.Client(GridHost.Operator).GetAsync("/api/v1/emergencies?status=active")).Body();
        Assert.DoesNotContain(active.EnumerateArray(), i => i.GetProperty("incidentId").GetString() == id);
        var endedList = await (await grid.Client(GridHost.Operator).GetAsync("/api/v1/emergencies?status=ended")).Body();
        Assert.Contains(endedList.EnumerateArray(), i => i.GetProperty("incidentId").GetString() == id);
    }

    [Fact]
    public async Task Lifting_a_warning_never_issued_is_409()
    {
        var id = NewId();
        await Create(id, severity: "较大");
        var response = await Emergency.PostAsync($"/api/v1/emergencies/{id}/warning/lift", Calls.Json(new { }));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("没有可解除的预警", (await response.Body()).GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("""{ "incidentId": "bad-1", "title": "t", "type": "外星人入侵", "severity": "重大", "occurredAt": "2026-11-28T00:00:00Z" }""", 422, "type")]
    [InlineData("""{ "incidentId": "bad-2", "title": "t", "type": "火灾事故", "severity": "很大", "occurredAt": "2026-11-28T00:00:00Z" }""", 422, "severity")]
    [InlineData("""{ "incidentId": "bad-3", "title": "t", "type": "火灾事故", "severity": "重大", "occurredAt": "2026-11-29T00:00:00Z" }""", 422, "occurredAt")]
    [InlineData("""{ "incidentId": "bad-4", "title": "t", "type": "火灾事故", "severity": "重大", "occurredAt": "yesterday" }""", 400, "occurredAt")]
    [InlineData("""{ "incidentId": "bad-5", "type": "火灾事故", "severity": "重大", "occurredAt": "2026-11-28T00:00:00Z" }""", 400, "title")]
    public async Task Bad_reports_are_refused_and_nothing_is_stored(string body, int status, string field)
    {
        var response = await Emergency.PostAsync("/api/v1/emergencies", Calls.Json(body));
        Assert.Equal(status, (int)response.StatusCode);
        Assert.True((await response.Body()).GetProperty("errors").TryGetProperty(field, out _));
        var id = JsonDocument.Parse(body).RootElement.GetProperty("incidentId").GetString();
        Assert.Equal(HttpStatusCode.NotFound, (await grid.Client(GridHost.Operator).GetAsync($"/api/v1/emergencies/{id}")).StatusCode);
    }

    [Theory]
    [InlineData("warning", 0)]
    [InlineData("warning", 5)]
    [InlineData("response", 0)]
    [InlineData("response", 5)]
    public async Task Levels_outside_1_to_4_are_422(string what, int level)
    {
        var id = NewId();
        await Create(id);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Emergency.PostAsync($"/api/v1/emergencies/{id}/{what}", Calls.Json(new { level }))).StatusCode);
    }

    [Fact]
    public async Task Only_the_emergency_role_drives_incidents_and_unknown_ones_are_404()
    {
        var body = Calls.Json(new { incidentId = NewId(), title = "t", type = "火灾事故", severity = "一般", occurredAt = "2026-11-28T00:00:00Z" });
        foreach (var key in new[] { GridHost.Reporter, GridHost.CreditCenter, GridHost.Operator })
            Assert.Equal(HttpStatusCode.Forbidden, (await grid.Client(key).PostAsync("/api/v1/emergencies", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await grid.Client().PostAsync("/api/v1/emergencies", body)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Emergency.PostAsync("/api/v1/emergencies/none/response", Calls.Json(new { level = 2 }))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await grid.Client(GridHost.Reporter).GetAsync("/api/v1/emergencies")).StatusCode);
    }

    [Fact]
    public async Task The_same_report_twice_is_200_and_a_different_one_under_the_same_id_is_409()
    {
        var id = NewId();
        await Create(id);
        var again = await Emergency.PostAsync("/api/v1/emergencies", Calls.Json(new { incidentId = id, title = "某化工厂泄漏", type = "危险化学品事故", severity = "重大", occurredAt = "2026-11-28T00:00:00Z", location = "张店区某路" }));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var other = await Emergency.PostAsync("/api/v1/emergencies", Calls.Json(new { incidentId = id, title = "另一起", type = "火灾事故", severity = "一般", occurredAt = "2026-11-28T00:00:00Z" }));
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
    }

    [Fact]
    public async Task A_deadline_already_passed_at_report_time_turns_overdue_and_is_pushed()
    {
        await using var hub = new Microsoft.AspNetCore.SignalR.Client.HubConnectionBuilder()
            .WithUrl(new Uri(grid.BaseAddress, $"/hubs/grid?access_token={GridHost.Operator}")).Build();
        var received = new System.Collections.Concurrent.ConcurrentQueue<JsonElement>();
        hub.On<JsonElement>("emergencyChanged", e => received.Enqueue(e));
        await hub.StartAsync();

        var id = NewId();
        await Create(id, occurredAt: "2026-11-27T20:00:00Z"); // authoritative due 01:00Z, the clock says 02:00Z
        await Emergency.PostAsync($"/api/v1/emergencies/{id}/response", Calls.Json(new { level = 2 }));

        JsonElement overdue = default;
        for (var i = 0; i < 200 && overdue.ValueKind == JsonValueKind.Undefined; i++)
        {
            overdue = received.FirstOrDefault(e => e.GetProperty("incidentId").GetString() == id && e.GetProperty("change").GetString() == "overdue");
            if (overdue.ValueKind == JsonValueKind.Undefined) await Task.Delay(50);
        }
        Assert.NotEqual(JsonValueKind.Undefined, overdue.ValueKind);
        Assert.True(overdue.GetProperty("deadlines")[0].GetProperty("overdue").GetBoolean());
        Assert.False(overdue.GetProperty("deadlines")[1].GetProperty("overdue").GetBoolean());
        // The operator reads who (系统) and why (the plan's section), never "system" or a seed line (issue 13).
        var entry = overdue.GetProperty("history").EnumerateArray().Last();
        Assert.Equal("系统", entry.GetProperty("by").GetString());
        Assert.Equal("权威信息发布已超过时限（《张店区突发事件总体应急预案》4.4.4 信息发布与舆论引导（1））", entry.GetProperty("detail").GetString());
        var changes = received.Where(e => e.GetProperty("incidentId").GetString() == id).Select(e => e.GetProperty("change").GetString()).ToList();
        Assert.Contains("created", changes);
        Assert.Contains("response", changes);
        Assert.Equal("常务副区长", received.Last(e => e.GetProperty("incidentId").GetString() == id && e.GetProperty("change").GetString() == "response").GetProperty("commander").GetString());
    }

    [Fact]
    public async Task Resources_come_from_the_plan()
    {
        var all = await (await grid.Client().GetAsync("/api/v1/emergency-resources")).Body();
        Assert.Equal(11, all.GetProperty("warehouses").GetArrayLength());
        Assert.Equal(7, all.GetProperty("fireStations").GetArrayLength());
        Assert.Equal(7, all.GetProperty("shelters").GetArrayLength());
        Assert.Equal(17, all.GetProperty("medicalUnits").GetArrayLength());
        Assert.Equal(55, all.GetProperty("eventTypes").GetArrayLength());

        var id = NewId();
        await Create(id, type: "火灾事故", severity: "较大");
        var forIncident = await (await grid.Client(GridHost.Operator).GetAsync($"/api/v1/emergencies/{id}/resources")).Body();
        Assert.NotEmpty(forIncident.GetProperty("warehouses").EnumerateArray());
        Assert.Equal(7, forIncident.GetProperty("shelters").GetArrayLength());
    }
}
