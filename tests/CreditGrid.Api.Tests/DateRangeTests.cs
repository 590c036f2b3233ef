using System.Net;
using System.Text.Json;

namespace CreditGrid.Api.Tests;

/// <summary>
/// http-api Conventions "Dates have sane ranges" (issue 11 items 1 and 4): before 1949-10-01 or more than 10 years after
/// its reference date → 422 naming the field, nothing stored; and a merchant keeps working after such a request.
/// </summary>
public class DateRangeTests(GridHost grid) : IClassFixture<GridHost>
{
    private async Task<string> Merchant(string street)
    {
        var id = GridHost.NewEnterpriseId();
        Assert.Equal(HttpStatusCode.Created, (await grid.Register("merchant", id, new { name = "日期测试店" + id[^4..], street })).StatusCode);
        return id;
    }

    private static async Task AssertProblem(HttpResponseMessage response, int status, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"errors should name '{field}': {text}");
    }

    [Fact]
    public async Task Deadline_of_9999_is_422_and_stores_nothing_and_the_merchant_keeps_working()
    {
        var street = "日期街" + Guid.NewGuid().ToString("N")[..6];
        var id = await Merchant(street);
        var before = (await grid.Subject("merchant", id)).GetProperty("version").GetInt64();
        var reporter = grid.Client(GridHost.Reporter);

        var far = await reporter.PostAsync($"/api/v1/merchants/{id}/inspections", Calls.Json(new
        {
            inspectionId = "far-1", date = "2026-11-27",
            findings = new[] { new { findingId = "far-f1", area = "消防安全", problem = "灭火器过期", deadline = "9999-12-31" } },
        }));
        await AssertProblem(far, 422, "findings[0].deadline");
        var afterRefusal = await grid.Subject("merchant", id);
        Assert.Equal(before, afterRefusal.GetProperty("version").GetInt64());
        Assert.Equal("blue", afterRefusal.GetProperty("color").GetString());

        // Ten years to the day is still inside the range; the same inspection id is free because nothing was stored.
        var inspected = await reporter.PostAsync($"/api/v1/merchants/{id}/inspections", Calls.Json(new
        {
            inspectionId = "far-1", date = "2026-11-27",
            findings = new[] { new { findingId = "far-f1", area = "消防安全", problem = "灭火器过期", deadline = "2036-11-27" } },
        }));
        Assert.Equal(HttpStatusCode.Created, inspected.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await grid.Client().PostAsync($"/api/v1/merchants/{id}/complaints", Calls.Json(new { text = "价格不透明" }))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await grid.Client().PostAsync($"/api/v1/merchants/{id}/reviews", Calls.Json(new { stars = 4, text = "还行" }))).StatusCode);
        Assert.True((await grid.Subject("merchant", id)).GetProperty("version").GetInt64() > before);

        // The board still follows the merchant: the open finding makes it yellow there.
        string? color = null;
        for (var i = 0; i < 40 && color != "yellow"; i++)
        {
            var board = await (await grid.Client().GetAsync($"/api/v1/merchants/board?street={Uri.EscapeDataString(street)}")).Body();
            color = board.GetProperty("merchants").EnumerateArray().Single(m => m.GetProperty("id").GetString() == id).GetProperty("color").GetString();
            if (color != "yellow") await Task.Delay(50);
        }
        Assert.Equal("yellow", color);
    }

    [Theory]
    [InlineData("0001-01-01", null, "occurredAt")]
    [InlineData("1949-09-30", null, "occurredAt")]
    [InlineData("2015-01-01", "2025-01-02", "endedAt")] // ended more than 10 years after it occurred
    public async Task Event_dates_outside_the_range_are_422_and_store_nothing(string occurredAt, string? endedAt, string field)
    {
        var enterprise = GridHost.NewEnterpriseId();
        var eventId = GridHost.NewEventId();
        var response = await grid.Push(new { eventId, subjectKind = "enterprise", subjectId = enterprise, indicator = "E-PEN-NOTICE", occurredAt, endedAt, actionRef = "张市监罚〔2026〕1号" });
        await AssertProblem(response, 422, field);
        Assert.Equal(HttpStatusCode.NotFound, (await grid.Client(GridHost.CreditCenter).GetAsync($"/api/v1/events/{eventId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await grid.Client(GridHost.Operator).GetAsync($"/api/v1/subjects/enterprise/{enterprise}")).StatusCode);
    }

    [Fact]
    public async Task The_first_day_of_the_range_and_ten_years_of_continuing_conduct_are_accepted()
    {
        var enterprise = GridHost.NewEnterpriseId();
        Assert.Equal(HttpStatusCode.Created, (await grid.Register("enterprise", enterprise, new { name = "老字号", registeredAt = "1949-10-01" })).StatusCode);
        await grid.PushApplied(new { eventId = GridHost.NewEventId(), subjectKind = "enterprise", subjectId = enterprise, indicator = "E-PEN-NOTICE", occurredAt = "2016-01-01", endedAt = "2026-01-01", actionRef = "张市监罚〔2026〕2号" });
    }

    [Fact]
    public async Task Inspection_rectification_repair_registration_and_asOf_dates_outside_the_range_are_422()
    {
        var id = await Merchant("日期街");
        var reporter = grid.Client(GridHost.Reporter);
        await AssertProblem(await reporter.PostAsync($"/api/v1/merchants/{id}/inspections", Calls.Json(new { inspectionId = "old-1", date = "0001-01-01", findings = Array.Empty<object>() })), 422, "date");
        Assert.Equal(HttpStatusCode.Created, (await reporter.PostAsync($"/api/v1/merchants/{id}/inspections", Calls.Json(new
        {
            inspectionId = "ok-1", date = "2026-11-20",
            findings = new[] { new { findingId = "ok-f1", area = "食品安全", problem = "无健康证上岗", deadline = "2026-12-20" } },
        }))).StatusCode);
        var version = (await grid.Subject("merchant", id)).GetProperty("version").GetInt64();
        await AssertProblem(await reporter.PostAsync($"/api/v1/merchants/{id}/findings/ok-f1/rectify", Calls.Json(new { rectifiedAt = "1900-01-01" })), 422, "rectifiedAt");
        await AssertProblem(await grid.Register("merchant", id, new { name = "x", street = "日期街", registeredAt = "1949-09-30" }), 422, "registeredAt");
        Assert.Equal(version, (await grid.Subject("merchant", id)).GetProperty("version").GetInt64());

        var enterprise = GridHost.NewEnterpriseId();
        var applied = await grid.PushApplied(Calls.Fine(enterprise));
        var record = applied.GetProperty("recordIds")[0].GetString();
        var credit = grid.Client(GridHost.CreditCenter);
        await AssertProblem(await credit.PostAsync($"/api/v1/records/{record}/repair", Calls.Json(new { repairedAt = "0001-01-01", reason = "x" })), 422, "repairedAt");
        Assert.Equal("active", (await grid.Subject("enterprise", enterprise)).GetProperty("records")[0].GetProperty("status").GetString());

        var operatorClient = grid.Client(GridHost.Operator);
        await AssertProblem(await operatorClient.GetAsync($"/api/v1/subjects/enterprise/{enterprise}?asOf=9999-12-31"), 422, "asOf");
        await AssertProblem(await operatorClient.GetAsync($"/api/v1/subjects/enterprise/{enterprise}?asOf=0001-01-01"), 422, "asOf");
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.GetAsync($"/api/v1/subjects/enterprise/{enterprise}?asOf=2036-11-28")).StatusCode);
    }

    [Theory]
    [InlineData("1/2/2026", 400)]
    [InlineData("Sat, 28 Nov 2026 00:00:00 GMT", 400)]   // RFC 1123
    [InlineData("2026-11-28", 400)]                      // date only
    [InlineData("2026-11-28T00:00:00", 400)]             // no offset: which zone?
    [InlineData("2026-11-28T00:00:00Z\n", 400)]
    [InlineData("1900-01-01T00:00:00Z", 422)]
    [InlineData("2027-01-01T00:00:00Z", 422)]            // in the future
    public async Task Emergency_instants_are_ISO_8601_with_an_offset_in_the_range(string occurredAt, int status)
    {
        var incidentId = "inc-" + Guid.NewGuid().ToString("N")[..10];
        var client = grid.Client(GridHost.Emergency);
        var response = await client.PostAsync("/api/v1/emergencies", Calls.Json(new { incidentId, title = "某化工厂泄漏", type = "危险化学品事故", severity = "一般", occurredAt }));
        await AssertProblem(response, status, "occurredAt");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/emergencies/{incidentId}")).StatusCode);
    }

    [Fact]
    public async Task An_instant_with_a_local_offset_is_accepted_and_kept_as_UTC()
    {
        var incidentId = "inc-" + Guid.NewGuid().ToString("N")[..10];
        var response = await grid.Client(GridHost.Emergency).PostAsync("/api/v1/emergencies", Calls.Json(new { incidentId, title = "某化工厂泄漏", type = "危险化学品事故", severity = "重大", occurredAt = "2026-11-28T08:00:00+08:00" }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var deadline = (await response.Body()).GetProperty("deadlines")[0].GetProperty("dueAt").GetDateTimeOffset();
        Assert.Equal(DateTimeOffset.Parse("2026-11-28T05:00:00Z"), deadline);
    }
}
