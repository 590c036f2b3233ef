using System.Net;

namespace CreditGrid.Api.Tests;

/// <summary>domain-rules §7: the colour on a date counts only what existed then (second reading, issue 12 item 1).</summary>
public class MerchantColorOnDateTests(GridHost grid) : IClassFixture<GridHost>
{
    [Fact]
    public async Task A_finding_counts_from_its_inspection_date_on_asOf()
    {
        var id = GridHost.NewEnterpriseId();
        Assert.Equal(HttpStatusCode.Created, (await grid.Register("merchant", id, new { name = "水晶街往日店", street = "水晶街", registeredAt = "2026-01-01" })).StatusCode);
        await grid.PushApplied(new { eventId = GridHost.NewEventId(), subjectKind = "merchant", subjectId = id, indicator = "E-AWARD-DISTRICT", occurredAt = "2026-10-01" });
        // Inspected on day −20 (2026-11-08), deadline day −10 (2026-11-18), never rectified: black today.
        var inspection = new { inspectionId = "past-1", date = "2026-11-08", findings = new[] { new { findingId = "pf-1", area = "食品安全", problem = "冷藏温度不达标", deadline = "2026-11-18" } } };
        Assert.Equal(HttpStatusCode.Created, (await grid.Client(GridHost.Reporter).PostAsync($"/api/v1/merchants/{id}/inspections", Calls.Json(inspection))).StatusCode);

        Assert.Equal("red", (await grid.Subject("merchant", id, "2026-11-03")).GetProperty("color").GetString());    // day −25: not found yet
        Assert.Equal("yellow", (await grid.Subject("merchant", id, "2026-11-13")).GetProperty("color").GetString()); // day −15: open, within deadline
        Assert.Equal("black", (await grid.Subject("merchant", id, "2026-11-23")).GetProperty("color").GetString());  // day −5: overdue
        var today = await grid.Subject("merchant", id);
        Assert.Equal("black", today.GetProperty("color").GetString());
        // colorReasons (http-api "Subjects"): why it is black, naming the finding.
        var reason = Assert.Single(today.GetProperty("colorReasons").EnumerateArray());
        Assert.Equal(("overdue-finding", "pf-1"), (reason.GetProperty("reason").GetString(), reason.GetProperty("ref").GetString()));
        Assert.Contains("食品安全", reason.GetProperty("text").GetString());
        Assert.Empty((await grid.Subject("merchant", id, "2026-11-03")).GetProperty("colorReasons").EnumerateArray()); // red: none
    }

    [Fact]
    public async Task An_expulsion_counts_from_its_date_on_asOf()
    {
        var id = GridHost.NewEnterpriseId();
        Assert.Equal(HttpStatusCode.Created, (await grid.Register("merchant", id, new { name = "水晶街清退店", street = "水晶街", registeredAt = "2026-01-01" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await grid.Client(GridHost.CreditCenter).PostAsync($"/api/v1/merchants/{id}/expel", Calls.Json(new { reason = "多次违规" }))).StatusCode);
        Assert.Equal("black", (await grid.Subject("merchant", id)).GetProperty("color").GetString());
        Assert.Equal("blue", (await grid.Subject("merchant", id, "2026-11-27")).GetProperty("color").GetString());
    }
}
