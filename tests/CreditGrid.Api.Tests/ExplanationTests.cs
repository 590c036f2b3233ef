using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CreditGrid.Api.Tests;

/// <summary>
/// issue 13 item 2 over HTTP (http-api "Subjects"): every record's citation and Chinese explanation, the view's nextChanges
/// (after asOf), and operator texts without seed line numbers or English (domain-rules §9).
/// </summary>
public partial class ExplanationTests(GridHost grid) : IClassFixture<GridHost>
{
    private const string Enterprise87 = "《张店区市场主体公共信用评价管理办法（试行）》";
    private const string Person89 = "《张店区个人诚信积分（爱张店·诚信分）管理实施方案（试行）》";

    [GeneratedRegex(@"L\d+|[A-Za-z]{2,}")]
    private static partial Regex Forbidden();

    private static void AssertPeopleText(string? text)
    {
        Assert.False(string.IsNullOrWhiteSpace(text));
        Assert.True(!Forbidden().IsMatch(text!), $"line number or English in: {text}");
    }

    [Fact]
    public async Task A_subject_read_over_HTTP_shows_each_records_citation_its_Chinese_explanation_and_the_next_changes()
    {
        var id = GridHost.NewEnterpriseId();
        Assert.Equal(HttpStatusCode.Created, (await grid.Register("enterprise", id, new { name = "张店某某餐饮店", registeredAt = "2024-03-01" })).StatusCode);
        await grid.PushApplied(new { eventId = GridHost.NewEventId(), subjectKind = "enterprise", subjectId = id, indicator = "E-PEN-FINE-10K-100K", occurredAt = "2026-10-02", actionRef = "张市监罚〔2026〕12号" });
        await grid.PushApplied(new { eventId = GridHost.NewEventId(), subjectKind = "enterprise", subjectId = id, indicator = "E-PEN-NOTICE", occurredAt = "2026-10-02", actionRef = "张市监罚〔2026〕13号" });

        var view = await grid.Subject("enterprise", id);
        Assert.Equal((950, "B"), (view.GetProperty("score").GetInt32(), view.GetProperty("grade").GetString()));
        var fine = view.GetProperty("records").EnumerateArray().Single(r => r.GetProperty("indicator").GetString() == "E-PEN-FINE-10K-100K");
        Assert.Equal(Enterprise87 + "附件 指标体系 · 行政处罚信息", fine.GetProperty("citation").GetString());
        Assert.Equal("“处以1万元至10万元（含）罚款行政处罚的”-40分；减分40分及以下，有效期1年（" + Person89 + "二、（四）），企业参照个人有效期，至2027-10-02",
            fine.GetProperty("explanation").GetString());
        foreach (var r in view.GetProperty("records").EnumerateArray())
        {
            AssertPeopleText(r.GetProperty("explanation").GetString());
            AssertPeopleText(r.GetProperty("citation").GetString());
        }

        // Both expire on 2027-10-02: one entry, the score back to 1000, naming both records.
        var next = Assert.Single(view.GetProperty("nextChanges").EnumerateArray());
        Assert.Equal("2027-10-02", next.GetProperty("on").GetString());
        Assert.Equal((1000, "A"), (next.GetProperty("score").GetInt32(), next.GetProperty("grade").GetString()));
        Assert.Equal(JsonValueKind.Null, next.GetProperty("stars").ValueKind);
        Assert.Equal(JsonValueKind.Null, next.GetProperty("color").ValueKind);
        Assert.Equal("“处以1万元至10万元（含）罚款行政处罚的”到期，不再计分；“受到通报批评行政处罚的”到期，不再计分", next.GetProperty("what").GetString());

        // ?asOf= keeps working: before the decision the fines start on 2026-10-02; on the expiry day nothing is left to change.
        var before = await grid.Subject("enterprise", id, "2026-09-01");
        Assert.Equal(["2026-10-02", "2027-10-02"], before.GetProperty("nextChanges").EnumerateArray().Select(c => c.GetProperty("on").GetString()));
        Assert.Equal(950, before.GetProperty("nextChanges")[0].GetProperty("score").GetInt32());
        Assert.Empty((await grid.Subject("enterprise", id, "2027-10-02")).GetProperty("nextChanges").EnumerateArray());
    }

    [Fact]
    public async Task The_OpenAPI_document_declares_citation_and_nextChanges_on_the_subject_answer()
    {
        var doc = await (await grid.Client().GetAsync("/openapi/v1.json")).Body();
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.GetProperty("RecordResponse").GetProperty("properties").TryGetProperty("citation", out _));
        Assert.True(schemas.GetProperty("SubjectResponse").GetProperty("properties").TryGetProperty("nextChanges", out _));
        var change = schemas.GetProperty("NextChangeResponse").GetProperty("properties");
        Assert.All(new[] { "on", "what", "score", "grade", "stars", "color" }, p => Assert.True(change.TryGetProperty(p, out _), p));
    }

    [Fact]
    public async Task A_merchants_next_changes_include_its_finding_turning_black_after_the_deadline()
    {
        var id = GridHost.NewEnterpriseId();
        Assert.Equal(HttpStatusCode.Created, (await grid.Register("merchant", id, new { name = "水晶街明日店", street = "水晶街", registeredAt = "2026-01-01" })).StatusCode);
        var inspection = new { inspectionId = "next-1", date = "2026-11-28", findings = new[] { new { findingId = "nf-1", area = "消防安全", problem = "灭火器过期", deadline = "2026-12-10" } } };
        Assert.Equal(HttpStatusCode.Created, (await grid.Client(GridHost.Reporter).PostAsync($"/api/v1/merchants/{id}/inspections", Calls.Json(inspection))).StatusCode);

        var view = await grid.Subject("merchant", id);
        Assert.Equal("yellow", view.GetProperty("color").GetString());
        var next = Assert.Single(view.GetProperty("nextChanges").EnumerateArray());
        Assert.Equal(("2026-12-11", "black", 1000), (next.GetProperty("on").GetString(), next.GetProperty("color").GetString(), next.GetProperty("score").GetInt32()));
        Assert.Equal("商户由黄色转为黑色：消防安全问题逾期未整改（整改期限2026-12-10）", next.GetProperty("what").GetString());
        foreach (var reason in view.GetProperty("colorReasons").EnumerateArray()) AssertPeopleText(reason.GetProperty("text").GetString());
    }

    [Fact]
    public async Task An_incidents_history_and_refusals_read_in_Chinese_citing_the_plan_not_a_line()
    {
        var emergency = grid.Client(GridHost.Emergency);
        var id = "inc-" + Guid.NewGuid().ToString("N")[..10];
        Assert.Equal(HttpStatusCode.Created, (await emergency.PostAsync("/api/v1/emergencies",
            Calls.Json(new { incidentId = id, title = "某化工厂泄漏", type = "危险化学品事故", severity = "重大", occurredAt = "2026-11-28T00:00:00Z", location = "张店区某路" }))).StatusCode);
        await emergency.PostAsync($"/api/v1/emergencies/{id}/warning", Calls.Json(new { level = 2 }));
        await emergency.PostAsync($"/api/v1/emergencies/{id}/response", Calls.Json(new { level = 2 }));
        await emergency.PostAsync($"/api/v1/emergencies/{id}/releases", Calls.Json(new { kind = "authoritative", at = "2026-11-28T01:30:00Z" }));
        var ended = await (await emergency.PostAsync($"/api/v1/emergencies/{id}/end", Calls.Json(new { }))).Body();

        Assert.Equal(5, ended.GetProperty("history").GetArrayLength());
        foreach (var h in ended.GetProperty("history").EnumerateArray())
        {
            AssertPeopleText(h.GetProperty("detail").GetString());
            AssertPeopleText(h.GetProperty("by").GetString());
        }
        Assert.Equal("应急处置结束（《张店区突发事件总体应急预案》4.4.6 应急结束），转入恢复与评估", ended.GetProperty("history")[4].GetProperty("detail").GetString());
        AssertPeopleText(ended.GetProperty("commander").GetString());
        AssertPeopleText(ended.GetProperty("category").GetString());

        var refused = await (await emergency.PostAsync($"/api/v1/emergencies/{id}/warning", Calls.Json(new { level = 5 }))).Body();
        Assert.Equal("该突发事件已应急结束，不能再变更。", refused.GetProperty("detail").GetString());
        var other = "inc-" + Guid.NewGuid().ToString("N")[..10];
        await emergency.PostAsync("/api/v1/emergencies", Calls.Json(new { incidentId = other, title = "t", type = "火灾事故", severity = "一般", occurredAt = "2026-11-28T00:00:00Z" }));
        var level = await (await emergency.PostAsync($"/api/v1/emergencies/{other}/warning", Calls.Json(new { level = 5 }))).Body();
        Assert.Equal("预警级别为1（红色）至4（蓝色）（《张店区突发事件总体应急预案》4.2.2 预警）。", level.GetProperty("detail").GetString());
    }
}
