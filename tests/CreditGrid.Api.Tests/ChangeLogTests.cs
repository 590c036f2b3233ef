using System.Net;
using System.Text.Json;
using CreditGrid.Core.Identifiers;

namespace CreditGrid.Api.Tests;

/// <summary>http-api "Work queues and the change log": GET /api/v1/changes over the durable change_log table.</summary>
public class ChangeLogTests(GridHost grid) : IClassFixture<GridHost>
{
    /// <summary>Every line about one subject (or incident) since the start of the test class, read page by page.</summary>
    internal static async Task<List<JsonElement>> LinesOf(GridHost grid, string id, int expectAtLeast = 1)
    {
        var client = grid.Client(GridHost.Operator);
        List<JsonElement> lines = [];
        for (var attempt = 0; attempt < 100; attempt++)
        {
            lines = [];
            string? since = null;
            while (true)
            {
                var body = await (await client.GetAsync("/api/v1/changes?limit=1000" + (since is null ? "" : "&since=" + Uri.EscapeDataString(since)))).Body();
                var items = body.GetProperty("items").EnumerateArray().ToList();
                lines.AddRange(items.Where(i => i.GetProperty("id").GetString() == id));
                if (items.Count == 0) break;
                since = body.GetProperty("next").GetString();
            }
            if (lines.Count >= expectAtLeast) return lines;
            await Task.Delay(50);
        }
        return lines;
    }

    [Fact]
    public async Task An_event_on_a_merchants_enterprise_logs_exactly_one_score_line_and_one_colour_line()
    {
        var id = GridHost.NewEnterpriseId();
        Assert.Equal(HttpStatusCode.Created, (await grid.Register("merchant", id, new { name = "日志测试面馆", street = "水晶街" })).StatusCode);
        var eventId = GridHost.NewEventId();
        await grid.PushApplied(new { eventId, subjectKind = "merchant", subjectId = id, indicator = "E-AWARD-DISTRICT", occurredAt = "2026-11-01" });

        var lines = await LinesOf(grid, id, expectAtLeast: 2);
        await Task.Delay(300); // nothing else may follow
        lines = await LinesOf(grid, id);
        Assert.Equal(2, lines.Count);
        var score = Assert.Single(lines, l => l.GetProperty("change").GetString() == "score");
        Assert.Equal(["at", "kind", "id", "name", "change", "from", "to", "eventId", "department"], score.EnumerateObject().Select(p => p.Name));
        Assert.Equal("enterprise", score.GetProperty("kind").GetString());
        Assert.Equal(1000, score.GetProperty("from").GetInt32());
        Assert.True(score.GetProperty("to").GetInt32() > 1000);
        Assert.Equal(eventId, score.GetProperty("eventId").GetString());
        Assert.Equal(GridHost.ReporterDepartment, score.GetProperty("department").GetString());
        var color = Assert.Single(lines, l => l.GetProperty("change").GetString() == "color");
        Assert.Equal("merchant", color.GetProperty("kind").GetString());
        Assert.Equal("日志测试面馆", color.GetProperty("name").GetString());
        Assert.Equal("blue", color.GetProperty("from").GetString());
        Assert.Equal("red", color.GetProperty("to").GetString());
        Assert.Equal(eventId, color.GetProperty("eventId").GetString());
        Assert.Equal(GridHost.ReporterDepartment, color.GetProperty("department").GetString());
        // A merchant's score is never logged on its own.
        Assert.DoesNotContain(lines, l => l.GetProperty("kind").GetString() == "merchant" && l.GetProperty("change").GetString() == "score");
    }

    [Fact]
    public async Task An_inspection_that_turns_a_tile_yellow_logs_an_inspection_line_and_a_colour_line()
    {
        var id = GridHost.NewEnterpriseId();
        await grid.Register("merchant", id, new { name = "日志检查店", street = "水晶街" });
        var inspected = await grid.Client(GridHost.Reporter).PostAsync($"/api/v1/merchants/{id}/inspections", Calls.Json(new
        {
            inspectionId = "log-insp-" + id, date = "2026-11-27",
            findings = new[] { new { findingId = "log-f-" + id, area = "消防安全", problem = "灭火器过期", deadline = "2026-12-10" } },
        }));
        Assert.Equal(HttpStatusCode.Created, inspected.StatusCode);

        var lines = await LinesOf(grid, id, expectAtLeast: 2);
        var inspection = Assert.Single(lines, l => l.GetProperty("change").GetString() == "inspection");
        Assert.Equal(JsonValueKind.Null, inspection.GetProperty("from").ValueKind);
        Assert.Equal("open", inspection.GetProperty("to").GetString());
        Assert.Equal("log-insp-" + id, inspection.GetProperty("eventId").GetString());
        Assert.Equal(GridHost.ReporterDepartment, inspection.GetProperty("department").GetString());
        var color = Assert.Single(lines, l => l.GetProperty("change").GetString() == "color");
        Assert.Equal(("blue", "yellow"), (color.GetProperty("from").GetString(), color.GetProperty("to").GetString()));
        Assert.Equal(GridHost.ReporterDepartment, color.GetProperty("department").GetString());
    }

    [Fact]
    public async Task A_complaint_and_its_verdict_are_logged_with_who_caused_them()
    {
        var id = GridHost.NewEnterpriseId();
        await grid.Register("merchant", id, new { name = "日志投诉店", street = "水晶街" });
        var created = await grid.Client().PostAsync($"/api/v1/merchants/{id}/complaints", Calls.Json(new { text = "短斤少两", contact = "13800000000" }));
        var complaintId = (await created.Body()).GetProperty("complaintId").GetString()!;
        var verdict = await grid.Client(GridHost.TaxReporter).PostAsync($"/api/v1/complaints/{complaintId}/verdict", Calls.Json(new { substantiated = true }));
        Assert.Equal(HttpStatusCode.OK, verdict.StatusCode);

        var lines = await LinesOf(grid, id, expectAtLeast: 3);
        var complaints = lines.Where(l => l.GetProperty("change").GetString() == "complaint").ToList();
        Assert.Equal(2, complaints.Count);
        Assert.Equal((null, "received", "公众"), (complaints[0].GetProperty("from").GetString(), complaints[0].GetProperty("to").GetString(), complaints[0].GetProperty("department").GetString()));
        Assert.Equal(("received", "substantiated", "区税务局"), (complaints[1].GetProperty("from").GetString(), complaints[1].GetProperty("to").GetString(), complaints[1].GetProperty("department").GetString()));
        Assert.All(complaints, c => Assert.Equal(complaintId, c.GetProperty("eventId").GetString()));
        var color = Assert.Single(lines, l => l.GetProperty("change").GetString() == "color");
        Assert.Equal("yellow", color.GetProperty("to").GetString());
        Assert.Equal("区税务局", color.GetProperty("department").GetString());
        Assert.DoesNotContain(lines, l => l.ToString().Contains("13800000000"));
    }

    [Fact]
    public async Task A_persons_line_is_masked_and_a_legal_representatives_fan_out_line_carries_the_source_event()
    {
        var person = GridHost.NewPersonId();
        var enterprise = GridHost.NewEnterpriseId();
        await grid.Register("person", person, new { name = "日志法人" });
        await grid.Register("enterprise", enterprise, new { name = "日志公司", legalRepresentatives = new[] { person } });
        var eventId = GridHost.NewEventId();
        await grid.PushApplied(new { eventId, subjectKind = "enterprise", subjectId = enterprise, indicator = "E-AWARD-DISTRICT", occurredAt = "2026-11-01" });

        var masked = ResidentId.Mask(person);
        var lines = await LinesOf(grid, masked);
        var line = Assert.Single(lines);
        Assert.Equal(("person", "score"), (line.GetProperty("kind").GetString(), line.GetProperty("change").GetString()));
        Assert.Equal(eventId, line.GetProperty("eventId").GetString());
        var all = await (await grid.Client(GridHost.Operator).GetAsync("/api/v1/changes?limit=1000&kind=person")).Body();
        Assert.DoesNotContain(person, all.ToString());
        Assert.Single(await LinesOf(grid, enterprise), l => l.GetProperty("eventId").GetString() == eventId);
    }

    [Fact]
    public async Task An_emergency_is_logged_under_its_incident_id()
    {
        var incident = "log-inc-" + Guid.NewGuid().ToString("N")[..8];
        var created = await grid.Client(GridHost.Emergency).PostAsync("/api/v1/emergencies", Calls.Json(new
        {
            incidentId = incident, title = "日志测试泄漏", type = "危险化学品事故", severity = "一般", occurredAt = "2026-11-28T01:00:00Z", location = "张店区",
        }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await grid.Client(GridHost.Emergency).PostAsync($"/api/v1/emergencies/{incident}/response", Calls.Json(new { level = 4 }))).StatusCode);

        var lines = await LinesOf(grid, incident, expectAtLeast: 2);
        Assert.All(lines, l => Assert.Equal(("emergency", "emergency"), (l.GetProperty("kind").GetString(), l.GetProperty("change").GetString())));
        Assert.Equal((null, "reported"), (lines[0].GetProperty("from").GetString(), lines[0].GetProperty("to").GetString()));
        Assert.Equal(("reported", "responding"), (lines[1].GetProperty("from").GetString(), lines[1].GetProperty("to").GetString()));
        Assert.Equal("区应急管理局", lines[1].GetProperty("department").GetString());
    }

    [Fact]
    public async Task Since_limit_and_next_page_through_the_log_oldest_first_without_gaps()
    {
        for (var i = 0; i < 5; i++)
        {
            var id = GridHost.NewEnterpriseId();
            await grid.Register("enterprise", id, new { name = $"分页公司{i}" });
            await grid.PushApplied(Calls.Fine(id));
        }
        var client = grid.Client(GridHost.Operator);
        var whole = (await (await client.GetAsync("/api/v1/changes?limit=1000")).Body()).GetProperty("items").EnumerateArray().ToList();
        Assert.True(whole.Count >= 5);
        var paged = new List<JsonElement>();
        string? since = null;
        for (var guard = 0; guard < 1000; guard++)
        {
            var body = await (await client.GetAsync("/api/v1/changes?limit=2" + (since is null ? "" : "&since=" + Uri.EscapeDataString(since)))).Body();
            var items = body.GetProperty("items").EnumerateArray().ToList();
            Assert.True(items.Count <= 2);
            if (items.Count == 0) break;
            paged.AddRange(items);
            since = body.GetProperty("next").GetString();
            Assert.Equal(items[^1].GetProperty("at").GetString(), since);
        }
        var ats = paged.Select(p => p.GetProperty("at").GetString()!).ToList();
        Assert.Equal(ats.Order(StringComparer.Ordinal), ats);
        // Every line the whole read saw, paging saw too, once.
        var keys = paged.Select(p => p.ToString()).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.All(whole, w => Assert.Contains(w.ToString(), keys));
        var last = await (await client.GetAsync("/api/v1/changes?since=" + Uri.EscapeDataString(since!))).Body();
        Assert.Equal(since, last.GetProperty("next").GetString());
    }

    [Theory]
    [InlineData("limit=0", 422, "limit")]
    [InlineData("limit=1001", 422, "limit")]
    [InlineData("limit=abc", 400, "limit")]
    [InlineData("since=yesterday", 400, "since")]
    [InlineData("kind=shop", 400, "kind")]
    public async Task Bad_query_values_are_a_Chinese_problem_naming_the_field(string query, int status, string field)
    {
        var response = await grid.Client(GridHost.Operator).GetAsync("/api/v1/changes?" + query);
        Assert.Equal(status, (int)response.StatusCode);
        var problem = await response.Body();
        var message = problem.GetProperty("errors").GetProperty(field)[0].GetString()!;
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", message);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(GridHost.Reporter, HttpStatusCode.Forbidden)]
    [InlineData(GridHost.Emergency, HttpStatusCode.Forbidden)]
    [InlineData(GridHost.Operator, HttpStatusCode.OK)]
    [InlineData(GridHost.CreditCenter, HttpStatusCode.OK)]
    public async Task The_change_log_is_for_operators_and_the_credit_centre(string? key, HttpStatusCode expected) =>
        Assert.Equal(expected, (await grid.Client(key).GetAsync("/api/v1/changes")).StatusCode);
}

/// <summary>The log is durable: the lines are still there after the host stops and starts again on the same data.</summary>
public class ChangeLogRestartTests(GridHost grid) : IClassFixture<GridHost>
{
    [Fact]
    public async Task The_change_log_survives_a_restart_of_the_host()
    {
        var id = GridHost.NewEnterpriseId();
        await grid.Register("enterprise", id, new { name = "重启公司" });
        var eventId = GridHost.NewEventId();
        await grid.PushApplied(Calls.Fine(id, eventId));
        var before = Assert.Single(await ChangeLogTests.LinesOf(grid, id));

        await grid.Restart();

        var after = Assert.Single(await ChangeLogTests.LinesOf(grid, id));
        Assert.Equal(before.ToString(), after.ToString());
        Assert.Equal(eventId, after.GetProperty("eventId").GetString());
    }
}
